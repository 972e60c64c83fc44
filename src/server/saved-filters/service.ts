import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { orderFilterSchema, type OrderFilter } from '../../contracts/order-filter';
import { MAX_SAVED_FILTERS, type SavedFilter, type SavedFilterListResponse, type UpdateSavedFilterRequest } from '../../contracts/saved-filters';
import type { Principal } from '../auth/principal';
import type { Executor, Tx } from '../db/client';
import { savedFilters } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { StaffPrincipal } from '../views/change';

type SavedFilterRow = typeof savedFilters.$inferSelect;

/** A stored filter that no longer parses is a bug (a change of the spec must migrate it): it throws. */
const toSavedFilter = (row: SavedFilterRow): SavedFilter => ({
  id: row.id,
  name: row.name,
  filter: orderFilterSchema.parse(row.filter),
  createdByStaffId: row.createdByStaffId,
  createdAt: row.createdAt.toISOString(),
});

const byName = (a: SavedFilter, b: SavedFilter) => a.name.localeCompare(b.name, 'ko') || a.id - b.id;

/** Sorted here rather than by the database, whose collation differs between PGlite and servers. */
export async function listSavedFilters(db: Executor, principal: Principal): Promise<SavedFilterListResponse> {
  const rows = await db.select().from(savedFilters).where(eq(savedFilters.shopId, principal.shopId)).orderBy(asc(savedFilters.id));
  return { savedFilters: rows.map(toSavedFilter).sort(byName) };
}

async function requireSavedFilter(tx: Tx, shopId: number, savedFilterId: number): Promise<SavedFilterRow> {
  const [row] = await tx.select().from(savedFilters).where(and(eq(savedFilters.shopId, shopId), eq(savedFilters.id, savedFilterId)));
  if (!row) throw new AppError('SAVED_FILTER_NOT_FOUND', { savedFilterId });
  return row;
}

/**
 * Names are unique in the shop (letters compared in lower case): staff pick a filter by its name
 * from one shared menu. Checked under the shop's view lock (runViewChange), as the table has no
 * unique index to rely on.
 */
async function refuseTakenName(tx: Tx, shopId: number, name: string, exceptId?: number) {
  const [row] = await tx
    .select({ id: savedFilters.id })
    .from(savedFilters)
    .where(and(eq(savedFilters.shopId, shopId), sql`lower(${savedFilters.name}) = lower(${name})`, exceptId === undefined ? undefined : ne(savedFilters.id, exceptId)))
    .limit(1);
  if (row) throw new AppError('SAVED_FILTER_NAME_TAKEN', { name });
}

export async function createSavedFilter(tx: Tx, staff: StaffPrincipal, input: { name: string; filter: OrderFilter }, now: Date): Promise<SavedFilter> {
  const [existing] = await tx.select({ n: count() }).from(savedFilters).where(eq(savedFilters.shopId, staff.shopId));
  if (Number(existing?.n ?? 0) >= MAX_SAVED_FILTERS) throw new AppError('TOO_MANY_SAVED_FILTERS', { max: MAX_SAVED_FILTERS });
  await refuseTakenName(tx, staff.shopId, input.name);
  const [row] = await tx
    .insert(savedFilters)
    .values({ shopId: staff.shopId, name: input.name, filter: input.filter, createdByStaffId: staff.staffId, createdAt: now })
    .returning();
  if (!row) throw new Error('expected the new saved filter row');
  return toSavedFilter(row);
}

export async function updateSavedFilter(tx: Tx, staff: StaffPrincipal, savedFilterId: number, patch: UpdateSavedFilterRequest): Promise<SavedFilter> {
  const row = await requireSavedFilter(tx, staff.shopId, savedFilterId);
  if (patch.name !== undefined && patch.name !== row.name) await refuseTakenName(tx, staff.shopId, patch.name, savedFilterId);
  if (patch.name === undefined && patch.filter === undefined) return toSavedFilter(row);
  const [updated] = await tx
    .update(savedFilters)
    .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.filter !== undefined ? { filter: patch.filter } : {}) })
    .where(and(eq(savedFilters.shopId, staff.shopId), eq(savedFilters.id, savedFilterId)))
    .returning();
  if (!updated) throw new Error('expected the updated saved filter row');
  return toSavedFilter(updated);
}

/** Answers the filters that remain, for the menu to show. */
export async function deleteSavedFilter(tx: Tx, staff: StaffPrincipal, savedFilterId: number): Promise<SavedFilterListResponse> {
  await requireSavedFilter(tx, staff.shopId, savedFilterId);
  await tx.delete(savedFilters).where(and(eq(savedFilters.shopId, staff.shopId), eq(savedFilters.id, savedFilterId)));
  return listSavedFilters(tx, staff);
}
