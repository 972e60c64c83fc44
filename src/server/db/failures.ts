/**
 * Which errors mean "the database is not answering" rather than "this request is wrong" or "our
 * code is wrong". They answer 503 with a code (never 500), and the health monitor looks again.
 */

export type DatabaseFailure = 'DATABASE_UNAVAILABLE' | 'DATABASE_TIMEOUT' | 'DATABASE_BUSY';

/** SQLSTATEs of a server that is going away, starting, overloaded or out of reach. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '53400', '58000', '58030', '08000', '08001', '08003', '08004', '08006', '08007', '08P01']);
/** Transient conflicts between transactions: the same request succeeds when tried again. */
const BUSY_STATES = new Set(['40001', '40P01', '55P03']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres reports these as plain Errors without a code. */
const NETWORK_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
  'Connection ended unexpectedly',
];

/** The error and its causes (drizzle wraps driver errors in its own, with the original as `cause`). */
function* chain(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    yield e as { code?: unknown; message?: unknown };
  }
}

export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  for (const e of chain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (code === '57014') return 'DATABASE_TIMEOUT'; // statement_timeout (or a cancel)
    if (code === '25P03') return 'DATABASE_TIMEOUT'; // idle_in_transaction_session_timeout
    if (UNAVAILABLE_STATES.has(code) || NETWORK_CODES.has(code)) return 'DATABASE_UNAVAILABLE';
    if (BUSY_STATES.has(code)) return 'DATABASE_BUSY';
    const message = typeof e.message === 'string' ? e.message : '';
    if (message === 'Query read timeout') return 'DATABASE_TIMEOUT';
    if (NETWORK_MESSAGES.some((m) => message.startsWith(m))) return 'DATABASE_UNAVAILABLE';
  }
  return null;
}

/**
 * The connection itself can no longer be trusted (out of reach, reset, or a reply still owed after
 * the client stopped waiting), as opposed to a statement the server refused or cancelled.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_STATES.has(code) || NETWORK_CODES.has(code)) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (NETWORK_MESSAGES.some((m) => message.startsWith(m))) return true;
  }
  return false;
}
