/**
 * Buyer e-mail through the shop's SMTP server (nodemailer). Each send opens its own connection:
 * a shop sends a few mails an hour, and a kept connection would only time out between them.
 * The server's reply decides what the outbox does next (see `outcomeOfError`).
 */
import { createTransport } from 'nodemailer';
import type { MailRequest, MailTransport, ProviderOutcome } from './transport-types';

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  /** The From header as given: `shop@example.kr` or `"달빛상회" <shop@example.kr>`. */
  from: string;
}

export interface SmtpTransportOptions {
  /** Each of connection, greeting and socket inactivity; 10 s by default. */
  timeoutMs?: number;
  /** Accept a certificate no authority signed (a shop's own mail server). */
  allowSelfSigned?: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** What nodemailer puts on the errors it raises (smtp-connection's `_formatError`). */
export interface SmtpError {
  message?: string;
  code?: string;
  originalCode?: string;
  response?: string;
  responseCode?: number;
  command?: string;
}

export function createSmtpTransport(config: SmtpConfig, options: SmtpTransportOptions = {}): MailTransport {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transporter = createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    tls: { rejectUnauthorized: !options.allowSelfSigned },
  });

  return {
    name: 'smtp',
    async send(request: MailRequest): Promise<ProviderOutcome> {
      try {
        const info = await transporter.sendMail({
          from: config.from,
          to: request.to,
          subject: request.subject,
          text: request.text,
          html: request.html,
          // the body is data: never let it make nodemailer read a file or fetch a URL
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        return { kind: 'delivered', providerMessageId: info.messageId ?? null, detail: oneLine(info.response ?? 'accepted') };
      } catch (error) {
        return outcomeOfError(error as SmtpError);
      }
    },
    close() {
      transporter.close();
    },
  };
}

/**
 * Sorts a failed send by what a retry could change:
 * - a 5xx reply to RCPT TO or to the message itself: this address or this mail will not be taken
 *   (550 no such user, 552 too big, 554 refused) → undeliverable;
 * - 530/534/535 (authentication) and a 5xx to MAIL FROM (sender not allowed): the shop's settings
 *   are wrong, and the next mail would fail alike → failed, no retry;
 * - 4xx, no connection, a timeout, a TLS handshake that failed, a dropped connection: the server
 *   or the network may be back later → failed, retry.
 */
export function outcomeOfError(error: SmtpError): ProviderOutcome {
  const reply = error.responseCode;
  const detail = oneLine(error.response ?? error.message ?? String(error));
  const kind = error.code ?? 'ERROR';

  if (reply && reply >= 400 && reply < 500) return { kind: 'failed', code: String(reply), detail, retry: true };
  if (kind === 'EAUTH') {
    // 454: "temporary authentication failure"; a missing password is a setting, not a moment
    return { kind: 'failed', code: reply ? String(reply) : 'EAUTH', detail, retry: false };
  }
  if (reply && reply >= 500) {
    if (error.command === 'RCPT TO' || error.command === 'DATA') {
      return { kind: 'undeliverable', code: String(reply), detail };
    }
    return { kind: 'failed', code: String(reply), detail, retry: false };
  }
  // nodemailer refused the address before asking the server
  if (kind === 'EENVELOPE') return { kind: 'undeliverable', code: 'EENVELOPE', detail };
  if (kind === 'EMESSAGE' || kind === 'ECONFIG' || kind === 'EREQUIRETLS') return { kind: 'failed', code: kind, detail, retry: false };
  // ECONNECTION (ECONNREFUSED…), ETIMEDOUT, ETLS, ESOCKET, EDNS, EPROTOCOL and anything unforeseen
  const code = error.originalCode ? `${kind}:${error.originalCode}` : kind;
  return { kind: 'failed', code, detail, retry: true };
}

/** Server replies can span lines (`550-…\r\n550 …`); the log keeps one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim().slice(0, 500);
}
