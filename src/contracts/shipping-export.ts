import { z } from 'zod';
import { COURIER_EXPORT_CODES, COURIER_EXPORT_FORMATS, SHIPPING_FIELDS, SHIPPING_FIELD_LABELS } from '../domain/courier-export-formats';
import { id, isoDateTime } from './common';
import { MAX_EXPORT_ORDER_IDS } from './excel';
import { orderFilterSchema, orderSortSchema, periodSchema } from './order-filter';

export { COURIER_EXPORT_CODES, COURIER_EXPORT_FORMATS, SHIPPING_FIELDS, SHIPPING_FIELD_LABELS };
export type { CourierExportCode, ShippingField, ItemLayout } from '../domain/courier-export-formats';

/**
 * 택배 송장 출력: a file for a courier's bulk-label program, one row per parcel (shipment group)
 * ready to go out, in the courier's own column order or in a form the shop saved by name.
 * Parcels exported: units 결제완료, 상품준비중 or 배송대기 (paid, not shipped, not cancelled), except
 * units an edit added that still wait for the buyer's payment.
 */
export const EXPORTABLE_PARCEL_STATUSES = ['paid', 'preparing', 'ready_to_ship'] as const;

export const shippingExportColumnSchema = z
  .object({ field: z.enum(SHIPPING_FIELDS), header: z.string().trim().min(1).max(40) })
  .strict()
  .meta({ id: 'ShippingExportColumn' });

export const MAX_SHIPPING_EXPORT_FORMS = 50;
export const shippingExportFormNameSchema = z.string().trim().min(1).max(30);

const formColumns = z
  .array(shippingExportColumnSchema)
  .min(1)
  .max(40)
  .refine((cols) => new Set(cols.map((c) => c.header)).size === cols.length, { message: '같은 열 이름이 두 번 있습니다' });

export const shippingExportFormSchema = z
  .object({
    id,
    name: z.string(),
    columns: z.array(shippingExportColumnSchema),
    itemLayout: z.enum(['merged', 'row_per_item']),
    createdByStaffId: id.nullable(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'ShippingExportForm' });
export type ShippingExportForm = z.infer<typeof shippingExportFormSchema>;

export const shippingExportFormListSchema = z.object({ forms: z.array(shippingExportFormSchema) }).meta({ id: 'ShippingExportFormList' });
export type ShippingExportFormList = z.infer<typeof shippingExportFormListSchema>;

export const createShippingExportFormSchema = z
  .object({ name: shippingExportFormNameSchema, columns: formColumns, itemLayout: z.enum(['merged', 'row_per_item']) })
  .strict()
  .meta({ id: 'CreateShippingExportForm' });
export type CreateShippingExportFormRequest = z.infer<typeof createShippingExportFormSchema>;

export const updateShippingExportFormSchema = z
  .object({ name: shippingExportFormNameSchema.optional(), columns: formColumns.optional(), itemLayout: z.enum(['merged', 'row_per_item']).optional() })
  .strict()
  .meta({ id: 'UpdateShippingExportForm' });
export type UpdateShippingExportFormRequest = z.infer<typeof updateShippingExportFormSchema>;

export const shippingExportFormParams = z.object({ formId: z.coerce.number().pipe(id) });

/** The couriers' forms as data, for the dialog to show what each file holds. */
export const courierExportFormatListSchema = z
  .object({
    formats: z.array(
      z.object({ code: z.enum(COURIER_EXPORT_CODES), ko: z.string(), en: z.string(), verified: z.boolean(), columns: z.array(shippingExportColumnSchema) }),
    ),
  })
  .meta({ id: 'CourierExportFormatList' });

/**
 * What to export: the order export's selection (a tab `viewId` or a `filter`, optionally within a
 * `period`; or chosen `orderIds`) and one form: a courier's (`format`) or the shop's (`formId`).
 */
export const shippingExportRequestSchema = z
  .object({
    viewId: id.optional(),
    filter: orderFilterSchema.optional(),
    period: periodSchema.optional(),
    orderIds: z.array(id).min(1).max(MAX_EXPORT_ORDER_IDS).optional(),
    sort: orderSortSchema.optional(),
    format: z.enum(COURIER_EXPORT_CODES).optional(),
    formId: id.optional(),
  })
  .strict()
  .refine((b) => b.viewId !== undefined || b.filter !== undefined || b.orderIds !== undefined, { message: 'viewId, filter 또는 orderIds 중 하나가 필요합니다' })
  .refine((b) => b.orderIds === undefined || (b.filter === undefined && b.period === undefined), {
    message: '선택한 주문(orderIds)은 filter·period와 함께 보낼 수 없습니다',
  })
  .refine((b) => (b.format === undefined) !== (b.formId === undefined), { message: 'format 또는 formId 중 하나만 보내 주세요' })
  .meta({ id: 'ShippingExportRequest' });
export type ShippingExportRequest = z.infer<typeof shippingExportRequestSchema>;
