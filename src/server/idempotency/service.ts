import { and, eq } from 'drizzle-orm';
import { sha256 } from '../auth/secrets';
import type { Db, Executor, Tx } from '../db/client';
import { idempotencyKeys } from '../db/schema/index';
import { AppError } from '../http/errors';

export interface StoredResponse<T> {
  status: number;
  body: T;
}

/** JSON with sorted keys, so the same body hashes the same whatever order its fields came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function findStored(db: Executor, shopId: number, scope: string, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.shopId, shopId), eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
}

function replay<T>(row: typeof idempotencyKeys.$inferSelect, requestHash: string): StoredResponse<T> {
  if (row.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return { status: row.responseStatus, body: JSON.parse(row.responseBody) as T };
}

export interface IdempotencyContext {
  shopId: number;
  /** Keys are per caller: two integrations may pick the same key without colliding. */
  scope: string;
  key: string | undefined;
  /** What identifies the request: route and body. */
  request: unknown;
}

/**
 * Runs `work` in one transaction together with recording its response under the key. A repeat
 * with the same key and request answers the first response and does nothing; the same key with
 * another request is refused. Failed requests store nothing (they wrote nothing), so a retry runs.
 */
export async function runIdempotent<T>(db: Db, ctx: IdempotencyContext, work: (tx: Tx) => Promise<StoredResponse<T>>): Promise<StoredResponse<T> & { replayed: boolean }> {
  if (!ctx.key) return { ...(await db.transaction(work)), replayed: false };
  const requestHash = sha256(canonical(ctx.request));
  const key = ctx.key;
  const existing = await findStored(db, ctx.shopId, ctx.scope, key);
  if (existing) return { ...replay<T>(existing, requestHash), replayed: true };
  try {
    const response = await db.transaction(async (tx) => {
      const result = await work(tx);
      await tx.insert(idempotencyKeys).values({
        shopId: ctx.shopId,
        scope: ctx.scope,
        key,
        requestHash,
        responseStatus: result.status,
        responseBody: JSON.stringify(result.body),
      });
      return result;
    });
    return { ...response, replayed: false };
  } catch (error) {
    // A concurrent twin committed first: our transaction rolled back whole; answer what it answered.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findStored(db, ctx.shopId, ctx.scope, key);
    if (!winner) throw error;
    return { ...replay<T>(winner, requestHash), replayed: true };
  }
}

/** The status a key is stored with while the work it was taken for has not answered yet. */
const PENDING = 0;

/**
 * For work that is not one transaction but commits piece by piece, each piece idempotent under a
 * key of its own derived from this one (a tracking-number upload: one order at a time). The key is
 * bound to the request before the work starts, so the same key with another request is refused
 * before anything is done; the answer is stored when the work is done, and a repeat afterwards
 * answers it. A repeat while the first is still at work (or after it died midway) runs the work
 * again: its pieces replay what the first committed. A failure stores nothing.
 */
export async function runIdempotentStaged<T>(db: Db, ctx: IdempotencyContext, work: () => Promise<StoredResponse<T>>): Promise<StoredResponse<T> & { replayed: boolean }> {
  if (!ctx.key) return { ...(await work()), replayed: false };
  const requestHash = sha256(canonical(ctx.request));
  const thisKey = and(eq(idempotencyKeys.shopId, ctx.shopId), eq(idempotencyKeys.scope, ctx.scope), eq(idempotencyKeys.key, ctx.key), eq(idempotencyKeys.requestHash, requestHash), eq(idempotencyKeys.responseStatus, PENDING));
  const taken = await db
    .insert(idempotencyKeys)
    .values({ shopId: ctx.shopId, scope: ctx.scope, key: ctx.key, requestHash, responseStatus: PENDING, responseBody: '' })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (taken.length === 0) {
    const existing = await findStored(db, ctx.shopId, ctx.scope, ctx.key);
    if (existing && existing.responseStatus !== PENDING) return { ...replay<T>(existing, requestHash), replayed: true };
    if (existing && existing.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  }
  let result: StoredResponse<T>;
  try {
    result = await work();
  } catch (error) {
    if (taken.length > 0) await db.delete(idempotencyKeys).where(thisKey);
    throw error;
  }
  await db.update(idempotencyKeys).set({ responseStatus: result.status, responseBody: JSON.stringify(result.body) }).where(thisKey);
  return { ...result, replayed: false };
}
