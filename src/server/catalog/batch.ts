import { CATALOG_BATCH_MAX, catalogBatchRowSchema, type CatalogBatchResponse, type CatalogBatchResult, type CatalogProductInput } from '../../contracts/catalog';
import { ERROR_CATALOG, type ErrorCode } from '../../contracts/errors';
import type { Db, Tx } from '../db/client';
import { AppError, type Lang } from '../http/errors';
import { isUniqueViolation } from '../idempotency/service';
import { loadOptions, lockProductsByExternalId, optionOwners } from './queries';
import { applyPlan, optionIdsTaken, planUpsert } from './service';
import { desiredOptions, type DesiredOption } from './shape';

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

interface Candidate {
  index: number;
  externalId: string;
  input: CatalogProductInput;
  wanted: DesiredOption[];
}

/** A row checked on its own (shape, and not a second row of one product), or its refusal. */
function prepare(index: number, raw: unknown, seen: Set<string>, lang: Lang): Candidate | CatalogBatchResult {
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
    return { index, externalId, input, wanted: desiredOptions(input) };
  } catch (error) {
    if (error instanceof AppError) return refusal(index, externalId, error.code, lang, error.details);
    throw error;
  }
}

/**
 * One chunk in one transaction: its products, their options and the holders of its option ids are
 * read once, so rows that changed nothing cost no query of their own. Each row that writes does so
 * in a savepoint, and its refusal rolls back its own writes only.
 */
async function applyChunk(tx: Tx, shopId: number, prepared: Array<Candidate | CatalogBatchResult>, lang: Lang, now: Date): Promise<CatalogBatchResult[]> {
  const candidates = prepared.filter((p): p is Candidate => !('outcome' in p));
  const existing = new Map((await lockProductsByExternalId(tx, shopId, candidates.map((c) => c.externalId))).map((p) => [p.externalId ?? '', p] as const));
  const options = await loadOptions(tx, shopId, [...existing.values()].map((p) => p.id));
  const owners = await optionOwners(tx, shopId, candidates.flatMap((c) => c.wanted.map((w) => w.externalId)));
  const results: CatalogBatchResult[] = [];
  for (const row of prepared) {
    if ('outcome' in row) {
      results.push(row);
      continue;
    }
    const product = existing.get(row.externalId);
    const taken = optionIdsTaken(row.wanted, owners, product?.id ?? null);
    if (taken.length > 0) {
      results.push(refusal(row.index, row.externalId, 'CATALOG_OPTION_ID_TAKEN', lang, { externalIds: taken }));
      continue;
    }
    const plan = planUpsert(product, product ? options.filter((o) => o.productId === product.id) : [], row.input, row.wanted);
    if (plan.kind === 'unchanged' && product) {
      results.push({ index: row.index, externalId: row.externalId, outcome: 'unchanged', productId: product.id });
      continue;
    }
    if (plan.kind === 'unchanged') throw new Error('a product that does not exist cannot be unchanged');
    try {
      const stored = await tx.transaction((savepoint) => applyPlan(savepoint, shopId, row.externalId, row.input, row.wanted, plan, now));
      // later rows of the chunk must see the option ids this row now holds
      for (const w of row.wanted) owners.set(w.externalId, stored.id);
      results.push({ index: row.index, externalId: row.externalId, outcome: plan.kind === 'create' ? 'created' : 'updated', productId: stored.id });
    } catch (error) {
      // another request created the same product or option id meanwhile; the row can be sent again
      if (isUniqueViolation(error)) results.push(refusal(row.index, row.externalId, 'CATALOG_CONCURRENT_CHANGE', lang));
      else throw error;
    }
  }
  return results;
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
    const prepared = rows.slice(start, start + BATCH_CHUNK).map((raw, offset) => prepare(start + offset, raw, seen, lang));
    results.push(...(await db.transaction((tx) => applyChunk(tx, shopId, prepared, lang, now))));
  }
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return { results, counts };
}
