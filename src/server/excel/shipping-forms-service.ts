import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  MAX_SHIPPING_EXPORT_FORMS,
  shippingExportColumnSchema,
  type CreateShippingExportFormRequest,
  type ShippingExportForm,
  type ShippingExportFormList,
  type UpdateShippingExportFormRequest,
} from '../../contracts/shipping-export';
import type { Executor, Tx } from '../db/client';
import { shippingExportForms } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { StaffPrincipal } from '../views/change';

type FormRow = typeof shippingExportForms.$inferSelect;

const storedColumns = z.array(shippingExportColumnSchema);

/** A stored form that no longer parses is a bug (a change of the fields must migrate it): it throws. */
export const toShippingExportForm = (row: FormRow): ShippingExportForm => ({
  id: row.id,
  name: row.name,
  columns: storedColumns.parse(row.columns),
  itemLayout: row.itemLayout,
  createdByStaffId: row.createdByStaffId,
  updatedAt: row.updatedAt.toISOString(),
});

const byName = (a: ShippingExportForm, b: ShippingExportForm) => a.name.localeCompare(b.name, 'ko') || a.id - b.id;

/** Sorted here rather than by the database, whose collation differs between PGlite and servers. */
export async function listShippingExportForms(db: Executor, shopId: number): Promise<ShippingExportFormList> {
  const rows = await db.select().from(shippingExportForms).where(eq(shippingExportForms.shopId, shopId)).orderBy(asc(shippingExportForms.id));
  return { forms: rows.map(toShippingExportForm).sort(byName) };
}

export async function requireShippingExportForm(db: Executor, shopId: number, formId: number): Promise<ShippingExportForm> {
  const [row] = await db.select().from(shippingExportForms).where(and(eq(shippingExportForms.shopId, shopId), eq(shippingExportForms.id, formId)));
  if (!row) throw new AppError('SHIPPING_EXPORT_FORM_NOT_FOUND', { formId });
  return toShippingExportForm(row);
}

/**
 * Names are unique in the shop, compared in lower case (staff pick a form by name from one menu).
 * The unique index catches exact twins even between two servers; this check, under the shop's
 * view lock, also catches "Daily" against "daily" and answers with the code instead of a 500.
 */
async function refuseTakenName(tx: Tx, shopId: number, name: string, exceptId?: number) {
  const [row] = await tx
    .select({ id: shippingExportForms.id })
    .from(shippingExportForms)
    .where(and(eq(shippingExportForms.shopId, shopId), sql`lower(${shippingExportForms.name}) = lower(${name})`, exceptId === undefined ? undefined : ne(shippingExportForms.id, exceptId)))
    .limit(1);
  if (row) throw new AppError('SHIPPING_EXPORT_FORM_NAME_TAKEN', { name });
}

export async function createShippingExportForm(tx: Tx, staff: StaffPrincipal, input: CreateShippingExportFormRequest, now: Date): Promise<ShippingExportForm> {
  const [existing] = await tx.select({ n: count() }).from(shippingExportForms).where(eq(shippingExportForms.shopId, staff.shopId));
  if (Number(existing?.n ?? 0) >= MAX_SHIPPING_EXPORT_FORMS) throw new AppError('TOO_MANY_SHIPPING_EXPORT_FORMS', { max: MAX_SHIPPING_EXPORT_FORMS });
  await refuseTakenName(tx, staff.shopId, input.name);
  const [row] = await tx
    .insert(shippingExportForms)
    .values({ shopId: staff.shopId, name: input.name, columns: input.columns, itemLayout: input.itemLayout, createdByStaffId: staff.staffId, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('expected the new shipping export form row');
  return toShippingExportForm(row);
}

export async function updateShippingExportForm(tx: Tx, staff: StaffPrincipal, formId: number, patch: UpdateShippingExportFormRequest, now: Date): Promise<ShippingExportForm> {
  const form = await requireShippingExportForm(tx, staff.shopId, formId);
  if (patch.name !== undefined && patch.name !== form.name) await refuseTakenName(tx, staff.shopId, patch.name, formId);
  const [updated] = await tx
    .update(shippingExportForms)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.columns !== undefined ? { columns: patch.columns } : {}),
      ...(patch.itemLayout !== undefined ? { itemLayout: patch.itemLayout } : {}),
      updatedAt: now,
    })
    .where(and(eq(shippingExportForms.shopId, staff.shopId), eq(shippingExportForms.id, formId)))
    .returning();
  if (!updated) throw new Error('expected the updated shipping export form row');
  return toShippingExportForm(updated);
}

/** Answers the forms that remain, for the menu to show. */
export async function deleteShippingExportForm(tx: Tx, staff: StaffPrincipal, formId: number): Promise<ShippingExportFormList> {
  await requireShippingExportForm(tx, staff.shopId, formId);
  await tx.delete(shippingExportForms).where(and(eq(shippingExportForms.shopId, staff.shopId), eq(shippingExportForms.id, formId)));
  return listShippingExportForms(tx, staff.shopId);
}
