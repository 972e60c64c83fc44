import { SERVER_TIMEOUTS, type DatabaseTimeouts } from './db/pool';

/** Everything the server reads from the environment, in one place. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Orders made on first start of an empty database (0 turns demo data off). */
  demoOrders: number;
  ownerPassword: string | undefined;
  /** Session cookies Secure always (`true`) or when the request came over HTTPS (`'auto'`). */
  secureCookies: boolean | 'auto';
  /** Whose X-Forwarded-* headers to believe: every proxy (`true`) or these addresses/CIDRs (`loopback` works too). */
  trustProxy: boolean | string[];
  /** Origins besides the app's own that may send cookie-authenticated changes. */
  allowedOrigins: string[];
  databaseTimeouts: DatabaseTimeouts;
}

const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
const millis = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const trust = env.JUMUN_TRUST_PROXY ?? '';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.JUMUN_DATA_DIR ?? './data',
    demoOrders: Number(env.JUMUN_DEMO_ORDERS ?? 3000),
    ownerPassword: env.JUMUN_OWNER_PASSWORD || undefined,
    secureCookies: env.JUMUN_SECURE_COOKIES === '1' ? true : 'auto',
    trustProxy: trust === '' || trust === '0' || trust === 'false' ? false : trust === '1' || trust === 'true' ? true : list(trust),
    allowedOrigins: list(env.JUMUN_ALLOWED_ORIGINS),
    databaseTimeouts: {
      connectMs: millis(env.JUMUN_DB_CONNECT_TIMEOUT_MS, SERVER_TIMEOUTS.connectMs),
      statementMs: millis(env.JUMUN_DB_STATEMENT_TIMEOUT_MS, SERVER_TIMEOUTS.statementMs),
      idleInTransactionMs: millis(env.JUMUN_DB_IDLE_TRANSACTION_TIMEOUT_MS, SERVER_TIMEOUTS.idleInTransactionMs),
    },
  };
}
