import { and, eq } from 'drizzle-orm';
import {
  COLUMN_KEYS,
  DEFAULT_COLUMN_LAYOUT,
  MAX_VIEWS,
  type ColumnKey,
  type ColumnLayout,
  type CreateViewRequest,
  type UpdateViewRequest,
  type View,
  type ViewCountsResponse,
  type ViewDiffResponse,
  type ViewListResponse,
  type ViewState,
} from '../../contracts/views';
import { diffView, filterChanges } from '../../domain/view-diff';
import type { Principal } from '../auth/principal';
import type { Db, Executor, Tx } from '../db/client';
import { savedViews, staffViewLayouts } from '../db/schema/index';
import { AppError } from '../http/errors';
import { countMatchingOrders, type CountPolicy } from '../order-counts/count-service';
import { loadStatusSetCounts } from '../order-counts/status-sets';
import type { StaffPrincipal } from './change';
import { createDefaultViews } from './default-views';
import { findViewRow, layoutOf, loadPersonalLayouts, loadViewRows, lockShopViews, renumberViews, toView, viewNameTaken, type ViewRow } from './queries';

/** The shop's tabs; a shop made before tabs existed gets the default ones on its first look. */
async function ensureViewRows(db: Db, shopId: number): Promise<ViewRow[]> {
  const rows = await loadViewRows(db, shopId);
  if (rows.length > 0) return rows;
  return db.transaction(async (tx) => {
    await lockShopViews(tx, shopId);
    return ensureViewRowsLocked(tx, shopId);
  });
}

/** The same inside a change, which holds the shop's view lock already. */
async function ensureViewRowsLocked(tx: Tx, shopId: number): Promise<ViewRow[]> {
  const rows = await loadViewRows(tx, shopId);
  if (rows.length > 0) return rows;
  await createDefaultViews(tx, shopId);
  return loadViewRows(tx, shopId);
}

async function viewsAsSeenBy(db: Executor, principal: Principal, rows: ViewRow[]): Promise<ViewListResponse> {
  const layouts = principal.kind === 'staff' ? await loadPersonalLayouts(db, principal.shopId, principal.staffId) : new Map<number, unknown>();
  return { views: rows.map((r) => toView(r, layouts.get(r.id))) };
}

async function viewAsSeenBy(db: Executor, principal: Principal, row: ViewRow): Promise<View> {
  const layouts = principal.kind === 'staff' ? await loadPersonalLayouts(db, principal.shopId, principal.staffId, row.id) : new Map<number, unknown>();
  return toView(row, layouts.get(row.id));
}

async function requireView(db: Executor, shopId: number, viewId: number): Promise<ViewRow> {
  const row = await findViewRow(db, shopId, viewId);
  if (!row) throw new AppError('VIEW_NOT_FOUND', { viewId });
  return row;
}

export async function listViews(db: Db, principal: Principal): Promise<ViewListResponse> {
  return viewsAsSeenBy(db, principal, await ensureViewRows(db, principal.shopId));
}

export async function getView(db: Db, principal: Principal, viewId: number): Promise<View> {
  await ensureViewRows(db, principal.shopId);
  return viewAsSeenBy(db, principal, await requireView(db, principal.shopId, viewId));
}

/**
 * Every tab's count, each by countMatchingOrders with the tab's filter, as the list's own total:
 * the default tabs from the status-set counts (read once for all of them), a saved tab of other
 * conditions exactly or, when that would be slow, as an estimate. All counts are read in one
 * repeatable-read snapshot, so they agree with each other (전체 is never less than a part of it).
 */
export async function countViews(db: Db, principal: Principal, now: Date, policy: CountPolicy): Promise<ViewCountsResponse> {
  const views = (await ensureViewRows(db, principal.shopId)).map((r) => toView(r, undefined));
  const counts = await db.transaction(
    async (tx) => {
      const out: ViewCountsResponse['counts'] = [];
      const statusSets = await loadStatusSetCounts(tx, principal.shopId);
      // one after the other: one connection, and no burst of queries on a shared pool
      for (const v of views) {
        const { total, exact } = await countMatchingOrders(tx, principal.shopId, v.filter, now, { ...policy, statusSets });
        out.push({ viewId: v.id, count: total, exact });
      }
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return { counts };
}

async function refuseTakenName(tx: Tx, shopId: number, name: string, exceptViewId?: number) {
  if (await viewNameTaken(tx, shopId, name, exceptViewId)) throw new AppError('VIEW_NAME_TAKEN', { name });
}

/** A new tab goes at the end. */
export async function createView(tx: Tx, staff: StaffPrincipal, input: CreateViewRequest, now: Date): Promise<View> {
  const rows = await ensureViewRowsLocked(tx, staff.shopId);
  if (rows.length >= MAX_VIEWS) throw new AppError('TOO_MANY_VIEWS', { max: MAX_VIEWS });
  await refuseTakenName(tx, staff.shopId, input.name);
  const position = Math.max(...rows.map((r) => r.position)) + 1;
  const [row] = await tx
    .insert(savedViews)
    .values({
      shopId: staff.shopId,
      name: input.name,
      position,
      filter: input.filter,
      sort: input.sort,
      columns: layoutOf(input.columns ?? DEFAULT_COLUMN_LAYOUT),
      createdByStaffId: staff.staffId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('expected the new view row');
  return toView(row, undefined);
}

/** Rename, refilter, resort or change the shared columns. 전체 keeps its name and selects every order. */
export async function updateView(tx: Tx, staff: StaffPrincipal, viewId: number, patch: UpdateViewRequest, now: Date): Promise<View> {
  await ensureViewRowsLocked(tx, staff.shopId);
  const row = await requireView(tx, staff.shopId, viewId);
  const newName = patch.name !== undefined && patch.name !== row.name ? patch.name : null;
  const refiltered = patch.filter !== undefined && filterChanges(toView(row, undefined).filter, patch.filter).length > 0;
  if (row.locked && (newName !== null || refiltered)) throw new AppError('VIEW_LOCKED', { viewId, name: row.name });
  if (newName !== null) await refuseTakenName(tx, staff.shopId, newName, viewId);
  const [updated] = await tx
    .update(savedViews)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      // 전체 keeps its stored filter even when sent an equivalent one ({ channels: [] })
      ...(patch.filter !== undefined && !row.locked ? { filter: patch.filter } : {}),
      ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
      ...(patch.columns !== undefined ? { columns: layoutOf(patch.columns) } : {}),
      updatedAt: now,
    })
    .where(and(eq(savedViews.shopId, staff.shopId), eq(savedViews.id, viewId)))
    .returning();
  if (!updated) throw new Error('expected the updated view row');
  return viewAsSeenBy(tx, staff, updated);
}

/**
 * The full new order of the tabs, each once. Sending every id (not a move of one tab) makes the
 * outcome what the staff member saw when dragging; if someone added or deleted a tab meanwhile,
 * the list no longer matches and is refused rather than guessed at.
 */
export async function reorderViews(tx: Tx, staff: StaffPrincipal, ids: readonly number[]): Promise<ViewListResponse> {
  const rows = await ensureViewRowsLocked(tx, staff.shopId);
  const known = new Set(rows.map((r) => r.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AppError('VIEW_NOT_FOUND', { viewIds: unknown });
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  const missing = rows.filter((r) => !ids.includes(r.id)).map((r) => r.id);
  if (repeated.length > 0 || missing.length > 0) throw new AppError('VIEW_ORDER_INCOMPLETE', { missing, repeated });
  const locked = rows.filter((r) => r.locked).map((r) => r.id);
  if (locked.some((id, i) => ids[i] !== id)) throw new AppError('VIEW_LOCKED', { viewIds: locked, reason: 'locked tabs stay first' });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [position, id] of ids.entries()) {
    if (byId.get(id)?.position === position) continue;
    await tx.update(savedViews).set({ position }).where(and(eq(savedViews.shopId, staff.shopId), eq(savedViews.id, id)));
  }
  return viewsAsSeenBy(tx, staff, await loadViewRows(tx, staff.shopId));
}

/** Deletes a shared tab for everyone, with every staff member's own layout of it. */
export async function deleteView(tx: Tx, staff: StaffPrincipal, viewId: number): Promise<ViewListResponse> {
  await ensureViewRowsLocked(tx, staff.shopId);
  const row = await requireView(tx, staff.shopId, viewId);
  if (row.locked) throw new AppError('VIEW_LOCKED', { viewId, name: row.name });
  await tx.delete(staffViewLayouts).where(and(eq(staffViewLayouts.shopId, staff.shopId), eq(staffViewLayouts.viewId, viewId)));
  await tx.delete(savedViews).where(and(eq(savedViews.shopId, staff.shopId), eq(savedViews.id, viewId)));
  await renumberViews(tx, staff.shopId);
  return viewsAsSeenBy(tx, staff, await loadViewRows(tx, staff.shopId));
}

/** This staff member's own columns for a tab (관리 항목 설정); nobody else's view changes. */
export async function setPersonalLayout(tx: Tx, staff: StaffPrincipal, viewId: number, columns: ColumnLayout, now: Date): Promise<View> {
  await ensureViewRowsLocked(tx, staff.shopId);
  const row = await requireView(tx, staff.shopId, viewId);
  const layout = layoutOf(columns);
  await tx
    .insert(staffViewLayouts)
    .values({ shopId: staff.shopId, staffId: staff.staffId, viewId, columns: layout, updatedAt: now })
    .onConflictDoUpdate({ target: [staffViewLayouts.shopId, staffViewLayouts.staffId, staffViewLayouts.viewId], set: { columns: layout, updatedAt: now } });
  return toView(row, layout);
}

/** Back to the shared columns (초기화). */
export async function clearPersonalLayout(tx: Tx, staff: StaffPrincipal, viewId: number): Promise<View> {
  await ensureViewRowsLocked(tx, staff.shopId);
  const row = await requireView(tx, staff.shopId, viewId);
  await tx
    .delete(staffViewLayouts)
    .where(and(eq(staffViewLayouts.shopId, staff.shopId), eq(staffViewLayouts.staffId, staff.staffId), eq(staffViewLayouts.viewId, viewId)));
  return toView(row, undefined);
}

const isColumnKey = (key: string): key is ColumnKey => (COLUMN_KEYS as readonly string[]).includes(key);

/** What differs between the list's current state and the tab as this staff member sees it (수정됨). */
export async function diffAgainstView(db: Db, principal: Principal, viewId: number, current: ViewState): Promise<ViewDiffResponse> {
  const saved = await getView(db, principal, viewId);
  const diff = diffView(saved, { ...current, columns: layoutOf(current.columns) });
  return { ...diff, columns: { ...diff.columns, keys: diff.columns.keys.filter(isColumnKey), personalLayout: saved.personalLayout } };
}
