import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { parseMail, type ParsedMail } from './mime-message';

/** One mail the sink took: the SMTP envelope, the raw message, and what the MIME reader made of it. */
export interface ReceivedMail extends ParsedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  /** The user the client authenticated as. */
  user: string | null;
  raw: string;
}

export interface SmtpSinkOptions {
  user?: string;
  password?: string;
  /** TLS from the first byte, with smtp-server's built-in self-signed certificate (a shop's own server). */
  secure?: boolean;
  /** Waiting longer than this in `waitFor` fails the test with what did arrive (20 s by default). */
  waitSeconds?: number;
}

export interface SmtpSink {
  host: string;
  port: number;
  user: string;
  password: string;
  readonly mails: ReceivedMail[];
  /** Resolves with the mails once `count` have arrived in all; rejects after `waitSeconds`. */
  waitFor(count: number): Promise<ReceivedMail[]>;
  /** Answers RCPT TO for this address with a permanent refusal (550 "no such user" by default). */
  rejectRecipient(address: string, code?: number): void;
  /** While on, every RCPT TO gets 451 (greylisting, a full queue: "try again later"). */
  tempFail(on: boolean): void;
  close(): Promise<void>;
}

function replyError(code: number, message: string): SMTPServerError {
  const error: SMTPServerError = new Error(message);
  error.responseCode = code;
  return error;
}

/**
 * A real SMTP server on 127.0.0.1 (an ephemeral port) that requires AUTH PLAIN or LOGIN with one
 * user and password (535 otherwise; 530 to a client that does not log in), keeps every mail it
 * takes, and can refuse recipients permanently or for now. No TLS unless asked for (`secure`): the
 * test's loopback needs none.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const user = options.user ?? 'jumun-mailer';
  const password = options.password ?? 'sink-password-1';
  const waitMs = (options.waitSeconds ?? 20) * 1000;
  const mails: ReceivedMail[] = [];
  const rejected = new Map<string, number>();
  let temporaryFailure = false;
  const waiters = new Set<{ count: number; resolve: () => void }>();

  const server = new SMTPServer({
    secure: options.secure ?? false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: false,
    logger: false,
    // a test's close() should not wait half a minute for a client that did not say QUIT
    closeTimeout: 2000,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user: auth.username });
      return callback(replyError(535, 'Authentication credentials invalid'));
    },
    onRcptTo(address, _session, callback) {
      const code = rejected.get(address.address.toLowerCase());
      if (code) return callback(replyError(code, `<${address.address}>: Recipient address rejected: User unknown`));
      if (temporaryFailure) return callback(replyError(451, `<${address.address}>: Temporary failure, try again later`));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let parsed: ParsedMail;
        try {
          parsed = parseMail(raw);
        } catch (error) {
          // a mail the reader cannot read still counts, so the test sees why rather than a timeout
          parsed = { headers: {}, subject: `(unreadable: ${(error as Error).message})`, from: '', to: '', text: null, html: null, root: { headers: {}, contentType: '', params: {}, body: raw, parts: [] } };
        }
        mails.push({
          ...parsed,
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
          raw,
        });
        for (const waiter of waiters) if (mails.length >= waiter.count) waiter.resolve();
        callback(null, `Ok: queued as sink-${mails.length}`);
      });
    },
  });
  server.on('error', () => {
    // a client that drops its connection is the client's test's business, not the sink's
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    mails,
    waitFor(count) {
      if (mails.length >= count) return Promise.resolve(mails.slice());
      return new Promise<ReceivedMail[]>((resolve, reject) => {
        const waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(mails.slice());
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const got = mails.map((m) => `"${m.subject}" to ${m.envelopeTo.join(', ')}`).join('; ') || 'none';
          reject(new Error(`SMTP sink: waited ${waitMs / 1000} s for ${count} mail(s) but ${mails.length} arrived (${got})`));
        }, waitMs);
        waiters.add(waiter);
      });
    },
    rejectRecipient(address, code = 550) {
      rejected.set(address.toLowerCase(), code);
    },
    tempFail(on) {
      temporaryFailure = on;
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
