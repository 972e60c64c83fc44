import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { orderFilterSchema, orderSortSchema } from '../../contracts/order-filter';
import { DEFAULT_COLUMN_LAYOUT, type ColumnLayout, type View } from '../../contracts/views';
import { normalizeLayout } from '../../domain/view-layout';
import type { Executor, Tx } from '../db/client';
import { savedViews, shops, staffViewLayouts } from '../db/schema/index';

export type ViewRow = typeof savedViews.$inferSelect;

/**
 * Serializes changes to a shop's tabs and saved filters: limits, unique names and positions are
 * checked against what other staff may be changing at the same moment, and a personal layout is
 * never written for a tab being deleted (the tables have no foreign keys to catch it). NO KEY
 * UPDATE does not conflict with the KEY SHARE locks that inserting orders takes on their shop.
 */
export async function lockShopViews(tx: Tx, shopId: number): Promise<void> {
  await tx.select({ id: shops.id }).from(shops).where(eq(shops.id, shopId)).for('no key update');
}

export function loadViewRows(db: Executor, shopId: number): Promise<ViewRow[]> {
  return db.select().from(savedViews).where(eq(savedViews.shopId, shopId)).orderBy(asc(savedViews.position), asc(savedViews.id));
}

export async function findViewRow(db: Executor, shopId: number, viewId: number): Promise<ViewRow | undefined> {
  const [row] = await db.select().from(savedViews).where(and(eq(savedViews.shopId, shopId), eq(savedViews.id, viewId)));
  return row;
}

/** Another tab of the shop already has this name (letters compared in lower case). */
export async function viewNameTaken(db: Executor, shopId: number, name: string, exceptViewId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(and(eq(savedViews.shopId, shopId), sql`lower(${savedViews.name}) = lower(${name})`, exceptViewId === undefined ? undefined : ne(savedViews.id, exceptViewId)))
    .limit(1);
  return row !== undefined;
}

/** A staff member's own layouts, by tab id. */
export async function loadPersonalLayouts(db: Executor, shopId: number, staffId: number, viewId?: number): Promise<Map<number, unknown>> {
  const rows = await db
    .select({ viewId: staffViewLayouts.viewId, columns: staffViewLayouts.columns })
    .from(staffViewLayouts)
    .where(and(eq(staffViewLayouts.shopId, shopId), eq(staffViewLayouts.staffId, staffId), viewId === undefined ? undefined : eq(staffViewLayouts.viewId, viewId)));
  return new Map(rows.map((r) => [r.viewId, r.columns]));
}

/** Keeps positions 0, 1, 2 … after a tab left the row. */
export async function renumberViews(tx: Tx, shopId: number): Promise<void> {
  await tx.execute(sql`
    update ${savedViews} v set position = r.rank - 1
    from (select id, row_number() over (order by position, id) as rank from ${savedViews} where shop_id = ${shopId}) r
    where v.shop_id = ${shopId} and v.id = r.id and v.position <> r.rank - 1`);
}

/** Stored layouts are read leniently: a column since removed from the list is dropped, not an error. */
const storedColumnsSchema = z.array(z.object({ key: z.string(), position: z.number(), width: z.number(), visible: z.boolean() }));

/** A complete layout of today's columns (new ones hidden at the end), positions 0, 1, 2 … */
export function layoutOf(columns: unknown): ColumnLayout {
  return normalizeLayout(storedColumnsSchema.parse(columns), DEFAULT_COLUMN_LAYOUT);
}

/**
 * The tab as a staff member sees it. A stored filter or sort that no longer parses is a bug (a
 * change of the filter spec must migrate what is stored), so it throws rather than guessing.
 */
export function toView(row: ViewRow, personalColumns: unknown): View {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    locked: row.locked,
    filter: orderFilterSchema.parse(row.filter),
    sort: orderSortSchema.parse(row.sort),
    columns: layoutOf(personalColumns ?? row.columns),
    personalLayout: personalColumns !== undefined,
    updatedAt: row.updatedAt.toISOString(),
  };
}
