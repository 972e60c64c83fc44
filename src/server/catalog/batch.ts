import { CATALOG_BATCH_MAX, catalogBatchRowSchema, type CatalogBatchResponse, type CatalogBatchResult } from '../../contracts/catalog';
import { ERROR_CATALOG, type ErrorCode } from '../../contracts/errors';
import type { Db, Tx } from '../db/client';
import { AppError, type Lang } from '../http/errors';
import { isUniqueViolation } from '../idempotency/service';
import { upsertProduct } from './service';

/**
 * Rows per transaction: a batch of 1,000 is ten short transactions rather than one long one that
 * would hold its locks (and, on PostgreSQL, its row versions) for the whole batch.
 */
export const BATCH_CHUNK = 100;

const refusal = (index: number, externalId: string | null, code: ErrorCode, lang: Lang, details?: Record<string, unknown>): CatalogBatchResult => ({
  index,
  externalId,
  outcome: 'refused',
  error: { code, message: ERROR_CATALOG[code][lang], ...(details ? { details } : {}) },
});

const externalIdOf = (raw: unknown): string | null => {
  const value = raw && typeof raw === 'object' ? (raw as { externalId?: unknown }).externalId : undefined;
  return typeof value === 'string' ? value : null;
};

/** One row in a savepoint of the chunk's transaction: its refusal rolls back its own writes only. */
async function applyRow(tx: Tx, shopId: number, index: number, raw: unknown, seen: Set<string>, lang: Lang, now: Date): Promise<CatalogBatchResult> {
  const parsed = catalogBatchRowSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return refusal(index, externalIdOf(raw), 'VALIDATION_FAILED', lang, { issues });
  }
  const { externalId, ...input } = parsed.data;
  // a second row for the same product would silently undo the first: refuse it, keep the first
  if (seen.has(externalId)) return refusal(index, externalId, 'CATALOG_PRODUCT_ID_REPEATED', lang);
  seen.add(externalId);
  try {
    const { outcome, product } = await tx.transaction((savepoint) => upsertProduct(savepoint, shopId, externalId, input, now));
    return { index, externalId, outcome, productId: product.id };
  } catch (error) {
    if (error instanceof AppError) return refusal(index, externalId, error.code, lang, error.details);
    // another request created the same product or option id meanwhile; the row can be sent again
    if (isUniqueViolation(error)) return refusal(index, externalId, 'CATALOG_CONCURRENT_CHANGE', lang);
    throw error;
  }
}

/**
 * Upserts each row on its own: a malformed or refused row is reported and the others are applied.
 * Chunks commit one after another, so a failure of the database midway leaves the earlier chunks
 * applied; sending the batch again is safe (applied rows answer `unchanged`).
 */
export async function runCatalogBatch(db: Db, shopId: number, rows: unknown[], lang: Lang, now: Date): Promise<CatalogBatchResponse> {
  if (rows.length > CATALOG_BATCH_MAX) throw new AppError('CATALOG_BATCH_TOO_LARGE', { max: CATALOG_BATCH_MAX, given: rows.length });
  const results: CatalogBatchResult[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < rows.length; start += BATCH_CHUNK) {
    const chunk = rows.slice(start, start + BATCH_CHUNK);
    results.push(
      ...(await db.transaction(async (tx) => {
        const done: CatalogBatchResult[] = [];
        for (const [offset, raw] of chunk.entries()) done.push(await applyRow(tx, shopId, start + offset, raw, seen, lang, now));
        return done;
      })),
    );
  }
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return { results, counts };
}
