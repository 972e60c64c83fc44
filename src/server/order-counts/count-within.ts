import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client';

const isStatementTimeout = (error: unknown): boolean => {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '57014') return true;
  }
  return false;
};

/**
 * Runs `count` with a statement timeout of `ms` (PostgreSQL only: PGlite has no timer to cancel
 * with), in a transaction of its own — a savepoint inside a caller's — and answers null when it
 * ran out: the caller then gives an estimate instead of keeping the screen waiting. The caller's
 * own timeout is put back afterwards (SET LOCAL would otherwise outlive the savepoint).
 */
export async function countWithin(db: Executor, ms: number, count: (tx: Executor) => Promise<number>): Promise<number | null> {
  try {
    return await db.transaction(async (tx) => {
      const [was] = await queryRows<{ timeout: string }>(tx, sql`select current_setting('statement_timeout') as timeout, set_config('statement_timeout', ${`${Math.max(1, Math.round(ms))}ms`}, true)`);
      const n = await count(tx);
      await tx.execute(sql`select set_config('statement_timeout', ${was?.timeout ?? '0'}, true)`);
      return n;
    });
  } catch (error) {
    if (isStatementTimeout(error)) return null;
    throw error;
  }
}
