import { createSmtpTransport } from './email';
import { createSolapiProvider } from './solapi';
import type { MessagingSettings, SmtpSettings } from './settings';
import type { MailTransport, MessagingProvider } from './transport-types';

/** The real outside services for a shop's settings. */
export function smtpMailer(timeoutMs: number): (settings: SmtpSettings) => MailTransport {
  return (s) => createSmtpTransport({ host: s.host, port: s.port, secure: s.secure, user: s.user, password: s.password, from: s.from }, { timeoutMs });
}

export function solapiMessenger(timeoutMs: number): (settings: MessagingSettings) => MessagingProvider {
  return (s) => createSolapiProvider({ apiKey: s.apiKey, apiSecret: s.apiSecret, sender: s.sender, ...(s.baseUrl ? { baseUrl: s.baseUrl } : {}), timeoutMs });
}
