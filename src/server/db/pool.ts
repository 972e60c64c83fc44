import pg from 'pg';
import { isDatabaseUnreachable } from './failures';

/** How long the database may take, for the server (interactive requests) and for tools (seeding, bench). */
export interface DatabaseTimeouts {
  /** Opening a connection; when the server is down a request fails after this instead of hanging. */
  connectMs: number;
  /** Longest a statement may run, waiting for locks included (PostgreSQL's statement_timeout); 0: none. */
  statementMs: number;
  /** A transaction left idle this long is ended by the server, freeing its locks; 0: never. */
  idleInTransactionMs: number;
}

export const SERVER_TIMEOUTS: DatabaseTimeouts = { connectMs: 3_000, statementMs: 15_000, idleInTransactionMs: 60_000 };
/** Seeding a million orders or VACUUM-ing them legitimately runs for minutes. */
export const TOOL_TIMEOUTS: DatabaseTimeouts = { connectMs: 10_000, statementMs: 0, idleInTransactionMs: 0 };

/** The client side gives up this long after the server should have: the network itself may have stalled. */
const CLIENT_GRACE_MS = 2_000;

const BROKEN = Symbol('jumun.brokenConnection');
const GUARDED = Symbol('jumun.guarded');
type GuardedClient = pg.PoolClient & { [BROKEN]?: Error; [GUARDED]?: true };
type QueryCallback = (error: Error | null, result?: unknown) => void;

/**
 * A pg.Pool that survives the database going away:
 * - every connection has an 'error' listener, so a connection dropped by a restart, a failover or
 *   an idle timeout is logged instead of crashing the process (an EventEmitter 'error' without a
 *   listener is thrown);
 * - a connection whose query failed for network reasons (read timeout, reset, terminated) is
 *   destroyed when it is released, never handed to the next request with a reply still owed to it
 *   (drizzle releases transaction clients without saying whether they failed).
 */
export class ResilientPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly onConnectionError: (error: Error) => void,
  ) {
    super(config);
    this.on('error', (error) => onConnectionError(error));
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    if (!callback) return super.connect().then((client) => this.guard(client));
    super.connect((error, client, done) => {
      if (client) this.guard(client);
      callback(error, client, (release?: unknown) => (client ? client.release(release as Error | boolean | undefined) : done(release)));
    });
  }

  private guard(client: GuardedClient): pg.PoolClient {
    if (!client[GUARDED]) {
      client[GUARDED] = true;
      client.on('error', (error: Error) => {
        client[BROKEN] = error;
        this.onConnectionError(error);
      });
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      const mark = (error: unknown) => {
        if (error instanceof Error && isDatabaseUnreachable(error)) client[BROKEN] = error;
      };
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const last = args.length - 1;
        if (typeof args[last] === 'function') {
          const callback = args[last] as QueryCallback;
          args[last] = (error: Error | null, result?: unknown) => {
            if (error) mark(error);
            callback(error, result);
          };
          return query(...args);
        }
        const pending = query(...args);
        if (pending instanceof Promise) pending.catch(mark);
        return pending;
      };
    }
    // pg-pool gives the client a new release function on every checkout: wrap each one
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => release(error ?? client[BROKEN] ?? undefined);
    return client;
  }
}

/** Pool settings: bounded connects, server-side statement and idle-transaction limits, a client-side read limit. */
export function poolConfig(connectionString: string, timeouts: DatabaseTimeouts): pg.PoolConfig {
  // JIT compiles plans of big scans (a count over a million rows) for tens of ms that such an
  // OLTP query never wins back; off for our connections, whatever the server's default.
  const settings = ['-c jit=off', `-c statement_timeout=${timeouts.statementMs}`, `-c idle_in_transaction_session_timeout=${timeouts.idleInTransactionMs}`];
  return {
    connectionString,
    max: 10,
    options: settings.join(' '),
    connectionTimeoutMillis: timeouts.connectMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(timeouts.statementMs > 0 ? { query_timeout: timeouts.statementMs + CLIENT_GRACE_MS } : {}),
  };
}

/** `select 1` on a connection of its own, within timeoutMs; throws when the server does not answer. */
export async function pingPool(pool: pg.Pool, timeoutMs: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query({ text: 'select 1', query_timeout: timeoutMs } as pg.QueryConfig);
    client.release();
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

/**
 * Holds a session-level advisory lock on a connection of its own for as long as the work runs.
 * It is tried rather than waited for, so that waiting behind another server's long start (seeding
 * demo orders) never runs into the statement timeout.
 */
export async function holdingLock<T>(pool: pg.Pool, key: number, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [key]);
      if (rows[0]?.locked) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [key]);
    }
  } finally {
    client.release();
  }
}
