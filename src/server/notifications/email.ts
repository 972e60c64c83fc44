// placeholder: replaced by the helper's SMTP transport at merge
import type { MailTransport } from './transport-types';
export function createSmtpTransport(_config: { host: string; port: number; secure: boolean; user: string | null; password: string | null; from: string }, _options?: { timeoutMs?: number }): MailTransport {
  throw new Error('not yet');
}
