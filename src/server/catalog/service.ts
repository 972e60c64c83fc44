import { and, eq, inArray } from 'drizzle-orm';
import type { CatalogListQuery, CatalogListResponse, CatalogOutcome, CatalogProduct, CatalogProductInput } from '../../contracts/catalog';
import type { Executor, Tx } from '../db/client';
import { productOptions, products } from '../db/schema/index';
import { AppError } from '../http/errors';
import { findProductByExternalId, listProductPage, loadOptions, optionOwners, type OptionRow, type ProductRow } from './queries';
import { desiredOptions, type DesiredOption } from './shape';

export function toCatalogProduct(row: ProductRow, options: OptionRow[]): CatalogProduct {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    price: row.price,
    status: row.status,
    optionNames: row.optionNames,
    options: options.map((o) => ({
      id: o.id,
      externalId: o.externalId,
      name: o.name,
      values: o.optionValues,
      sku: o.sku,
      extraPrice: o.extraPrice,
      stock: o.stock,
      status: o.status,
      position: o.position,
    })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function optionChanged(row: OptionRow, want: DesiredOption): boolean {
  return (
    row.status !== 'active' ||
    row.name !== want.name ||
    row.sku !== want.sku ||
    row.extraPrice !== want.extraPrice ||
    row.stock !== want.stock ||
    row.position !== want.position ||
    !sameJson(row.optionValues, want.optionValues)
  );
}

const optionColumns = (want: DesiredOption) => ({
  name: want.name,
  optionValues: want.optionValues,
  sku: want.sku,
  extraPrice: want.extraPrice,
  stock: want.stock,
  position: want.position,
  status: 'active' as const,
});

export interface UpsertOutcome {
  outcome: Exclude<CatalogOutcome, 'refused'>;
  product: CatalogProduct;
}

/** What an upsert will write, decided from what is stored; `unchanged` writes nothing. */
export type UpsertPlan =
  | { kind: 'create' }
  | { kind: 'unchanged' }
  | { kind: 'update'; existing: ProductRow; toInsert: DesiredOption[]; toUpdate: Array<{ row: OptionRow; want: DesiredOption }>; toDeactivate: OptionRow[] };

/** Option ids of the input that another product of the shop holds (`owners`: option id → product id). */
export function optionIdsTaken(wanted: DesiredOption[], owners: ReadonlyMap<string, number>, productId: number | null): string[] {
  return wanted.flatMap((w) => {
    const owner = owners.get(w.externalId);
    return owner !== undefined && owner !== productId ? [w.externalId] : [];
  });
}

/**
 * Compares the input with the stored product and options. Options are matched by their external
 * ids; those missing from the input become inactive and are never deleted (items of past orders
 * refer to them). Pure, so that a batch can decide a chunk's rows from one read.
 */
export function planUpsert(existing: ProductRow | undefined, current: OptionRow[], input: CatalogProductInput, wanted: DesiredOption[]): UpsertPlan {
  if (!existing) return { kind: 'create' };
  const byExternalId = new Map(current.flatMap((o) => (o.externalId === null ? [] : [[o.externalId, o] as const])));
  const wantedIds = new Set(wanted.map((w) => w.externalId));
  const toInsert = wanted.filter((w) => !byExternalId.has(w.externalId));
  const toUpdate = wanted.flatMap((w) => {
    const row = byExternalId.get(w.externalId);
    return row && optionChanged(row, w) ? [{ row, want: w }] : [];
  });
  // options Jumun made itself (no external id) are not the storefront's to keep: they go inactive too
  const toDeactivate = current.filter((o) => o.status === 'active' && (o.externalId === null || !wantedIds.has(o.externalId)));
  const productChanged =
    existing.name !== input.name || existing.price !== input.price || existing.status !== input.status || !sameJson(existing.optionNames, input.optionNames);
  if (!productChanged && toInsert.length === 0 && toUpdate.length === 0 && toDeactivate.length === 0) return { kind: 'unchanged' };
  return { kind: 'update', existing, toInsert, toUpdate, toDeactivate };
}

/** Writes a plan that is not `unchanged`; answers the product row as stored. */
export async function applyPlan(tx: Tx, shopId: number, externalId: string, input: CatalogProductInput, wanted: DesiredOption[], plan: Exclude<UpsertPlan, { kind: 'unchanged' }>, now: Date): Promise<ProductRow> {
  const fields = { name: input.name, price: input.price, status: input.status, optionNames: input.optionNames, updatedAt: now };
  if (plan.kind === 'create') {
    const [row] = await tx.insert(products).values({ shopId, externalId, ...fields, createdAt: now }).returning();
    if (!row) throw new Error('expected the new product row');
    if (wanted.length > 0) await tx.insert(productOptions).values(wanted.map((w) => ({ shopId, productId: row.id, externalId: w.externalId, ...optionColumns(w) })));
    return row;
  }
  const [row] = await tx.update(products).set(fields).where(and(eq(products.shopId, shopId), eq(products.id, plan.existing.id))).returning();
  if (!row) throw new Error('expected the updated product row');
  if (plan.toInsert.length > 0) await tx.insert(productOptions).values(plan.toInsert.map((w) => ({ shopId, productId: row.id, externalId: w.externalId, ...optionColumns(w) })));
  for (const { row: option, want } of plan.toUpdate) {
    await tx.update(productOptions).set(optionColumns(want)).where(and(eq(productOptions.shopId, shopId), eq(productOptions.id, option.id)));
  }
  if (plan.toDeactivate.length > 0) {
    const ids = plan.toDeactivate.map((o) => o.id);
    await tx.update(productOptions).set({ status: 'inactive' }).where(and(eq(productOptions.shopId, shopId), inArray(productOptions.id, ids)));
  }
  return row;
}

/**
 * Makes the product the storefront knows as `externalId` what `input` says, in the caller's
 * transaction. Nothing is written when nothing differs, so a re-sync of the same catalog leaves
 * `updated_at` alone.
 */
export async function upsertProduct(tx: Tx, shopId: number, externalId: string, input: CatalogProductInput, now: Date): Promise<UpsertOutcome> {
  const wanted = desiredOptions(input);
  const existing = await findProductByExternalId(tx, shopId, externalId, true);
  const taken = optionIdsTaken(wanted, await optionOwners(tx, shopId, wanted.map((w) => w.externalId)), existing?.id ?? null);
  if (taken.length > 0) {
    // Read committed: the product may have been created by a concurrent request between the two
    // reads above, with these very options. That is a race to retry, not another product's ids.
    if (!existing && (await findProductByExternalId(tx, shopId, externalId, true))) throw new AppError('CATALOG_CONCURRENT_CHANGE');
    throw new AppError('CATALOG_OPTION_ID_TAKEN', { externalIds: taken });
  }
  const current = existing ? await loadOptions(tx, shopId, [existing.id]) : [];
  const plan = planUpsert(existing, current, input, wanted);
  if (plan.kind === 'unchanged' && existing) return { outcome: 'unchanged', product: toCatalogProduct(existing, current) };
  if (plan.kind === 'unchanged') throw new Error('a product that does not exist cannot be unchanged');
  const row = await applyPlan(tx, shopId, externalId, input, wanted, plan, now);
  return { outcome: plan.kind === 'create' ? 'created' : 'updated', product: toCatalogProduct(row, await loadOptions(tx, shopId, [row.id])) };
}

/** Takes the product off sale with all its options; a second time changes nothing. */
export async function deactivateProduct(tx: Tx, shopId: number, externalId: string, now: Date): Promise<CatalogProduct> {
  const existing = await findProductByExternalId(tx, shopId, externalId, true);
  if (!existing) throw new AppError('CATALOG_EXTERNAL_PRODUCT_NOT_FOUND', { externalId });
  const current = await loadOptions(tx, shopId, [existing.id]);
  if (existing.status === 'inactive' && current.every((o) => o.status === 'inactive')) return toCatalogProduct(existing, current);
  const [row] = await tx
    .update(products)
    .set({ status: 'inactive', updatedAt: now })
    .where(and(eq(products.shopId, shopId), eq(products.id, existing.id)))
    .returning();
  if (!row) throw new Error('expected the deactivated product row');
  await tx.update(productOptions).set({ status: 'inactive' }).where(and(eq(productOptions.shopId, shopId), eq(productOptions.productId, existing.id)));
  return toCatalogProduct(row, await loadOptions(tx, shopId, [row.id]));
}

/** Another shop's external id is not found, exactly like one that does not exist. */
export async function getCatalogProduct(db: Executor, shopId: number, externalId: string): Promise<CatalogProduct> {
  const row = await findProductByExternalId(db, shopId, externalId);
  if (!row) throw new AppError('CATALOG_EXTERNAL_PRODUCT_NOT_FOUND', { externalId });
  return toCatalogProduct(row, await loadOptions(db, shopId, [row.id]));
}

const encodeCursor = (id: number) => Buffer.from(JSON.stringify({ i: id })).toString('base64url');

function decodeCursor(value: string): number {
  let body: { i?: unknown } = {};
  try {
    body = JSON.parse(Buffer.from(value, 'base64url').toString()) as typeof body;
  } catch {
    // falls through to the refusal below
  }
  if (typeof body.i !== 'number' || !Number.isSafeInteger(body.i) || body.i < 0) {
    throw new AppError('VALIDATION_FAILED', { field: 'cursor', reason: 'not a cursor of the catalog list' });
  }
  return body.i;
}

/** Every product of the shop, deactivated ones too (filter by `status`), oldest first. */
export async function listCatalog(db: Executor, shopId: number, query: CatalogListQuery): Promise<CatalogListResponse> {
  const afterId = query.cursor ? decodeCursor(query.cursor) : 0;
  const rows = await listProductPage(db, shopId, { keyword: query.keyword, status: query.status, afterId, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const options = await loadOptions(db, shopId, page.map((r) => r.id));
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toCatalogProduct(row, options.filter((o) => o.productId === row.id))),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
  };
}
