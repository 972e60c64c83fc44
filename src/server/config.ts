import { SERVER_TIMEOUTS, type DatabaseTimeouts } from './db/pool';
import { parseTaskIntervals } from './scheduler/tasks';

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
  /** Scheduled tasks' intervals by name (`JUMUN_TASK_INTERVALS=expired-sessions=60000,…`). */
  taskIntervals: Record<string, number>;
  /** How often this server looks for due scheduled tasks (default 5 s). */
  schedulerPollMs: number | undefined;
  /** A bulk job whose server has not reported for this long is taken over by another (default 60 s). */
  bulkStaleAfterMs: number | undefined;
  /** Above this many orders 엑셀 다운로드 is a background job (202) rather than a file streamed on the spot (default 2,000). */
  exportStreamMaxOrders: number | undefined;
  /** Where `npm start` serves the demo storefront beside a demo shop; null: not at all (JUMUN_STOREFRONT_PORT=0). */
  storefrontPort: number | null;
  /** How often this server looks for webhooks to deliver (default 1 s); JUMUN_OUTBOX=0 turns its worker off. */
  outboxPollMs: number | undefined;
  outboxEnabled: boolean;
  /** Webhooks may go to loopback and private addresses (JUMUN_WEBHOOK_ALLOW_PRIVATE=1: a receiver on the shop's own network). */
  webhookAllowPrivate: boolean;
  /**
   * When a list count is an estimate (약 N건) until asked for exactly: above a planner cost
   * (JUMUN_COUNT_EXACT_MAX_COST) or, on PostgreSQL, after a time (JUMUN_COUNT_TIME_BUDGET_MS);
   * defaults in order-counts/count-service.ts.
   */
  counts: { maxExactCost?: number; timeBudgetMs?: number };
}

const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
const millis = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** A number ≥ 0 when one is given, else undefined (the default applies). */
const optionalNumber = (value: string | undefined) => (value !== undefined && value !== '' && Number.isFinite(Number(value)) && Number(value) >= 0 ? Number(value) : undefined);

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
    taskIntervals: parseTaskIntervals(env.JUMUN_TASK_INTERVALS),
    schedulerPollMs: env.JUMUN_SCHEDULER_POLL_MS ? millis(env.JUMUN_SCHEDULER_POLL_MS, 5_000) : undefined,
    outboxPollMs: env.JUMUN_OUTBOX_POLL_MS ? millis(env.JUMUN_OUTBOX_POLL_MS, 1_000) : undefined,
    outboxEnabled: env.JUMUN_OUTBOX !== '0',
    webhookAllowPrivate: env.JUMUN_WEBHOOK_ALLOW_PRIVATE === '1',
    counts: {
      ...(optionalNumber(env.JUMUN_COUNT_EXACT_MAX_COST) !== undefined ? { maxExactCost: optionalNumber(env.JUMUN_COUNT_EXACT_MAX_COST) } : {}),
      ...(optionalNumber(env.JUMUN_COUNT_TIME_BUDGET_MS) !== undefined ? { timeBudgetMs: optionalNumber(env.JUMUN_COUNT_TIME_BUDGET_MS) } : {}),
    },
    bulkStaleAfterMs: env.JUMUN_BULK_STALE_AFTER_MS ? millis(env.JUMUN_BULK_STALE_AFTER_MS, 60_000) : undefined,
    exportStreamMaxOrders: env.JUMUN_EXPORT_STREAM_MAX_ORDERS ? millis(env.JUMUN_EXPORT_STREAM_MAX_ORDERS, 2_000) : undefined,
    storefrontPort: env.JUMUN_STOREFRONT_PORT === '0' ? null : Number(env.JUMUN_STOREFRONT_PORT ?? 3001),
    databaseTimeouts: {
      connectMs: millis(env.JUMUN_DB_CONNECT_TIMEOUT_MS, SERVER_TIMEOUTS.connectMs),
      statementMs: millis(env.JUMUN_DB_STATEMENT_TIMEOUT_MS, SERVER_TIMEOUTS.statementMs),
      idleInTransactionMs: millis(env.JUMUN_DB_IDLE_TRANSACTION_TIMEOUT_MS, SERVER_TIMEOUTS.idleInTransactionMs),
    },
  };
}
