import { z } from 'zod';
import { id } from './common';
import { orderFilterSchema, orderSortSchema, periodSchema } from './order-filter';
import { COLUMN_KEYS, type ColumnKey } from './views';

/**
 * Excel: the order export (엑셀 다운로드) and the tracking-number upload (송장 일괄 등록). Both
 * files are .xlsx; identifiers (order, item, tracking and phone numbers) are text cells, so Excel
 * never turns them into numbers that lose digits or leading zeros.
 */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The columns that carry personal data the list masks: unmasked in a file only for `personal.export`
 * (with a reason, recorded), masked for everyone else. Names, postcodes and 배송 메모 are not masked.
 */
export const PERSONAL_EXPORT_COLUMNS: readonly ColumnKey[] = ['ordererPhone', 'ordererEmail', 'recipientPhone', 'recipientAddress'];

/** Chosen orders per export (a selection on screen, or "검색된 주문 N건 전체 선택" up to this). */
export const MAX_EXPORT_ORDER_IDS = 10_000;

/**
 * What to export. Either the conditions of a tab — `viewId` (its filter) or an explicit `filter`
 * (the list's current, maybe unsaved, conditions; it replaces the tab's) — optionally within a
 * `period`, which applies on top of them (both must hold); or `orderIds`, the chosen orders.
 * Columns: `columns` when sent, else the tab's layout as the caller sees it (their own layout when
 * they keep one), else the default layout. Rows follow `sort`, else the tab's, else newest first.
 */
export const orderExportRequestSchema = z
  .object({
    viewId: id.optional(),
    filter: orderFilterSchema.optional(),
    period: periodSchema.optional(),
    orderIds: z.array(id).min(1).max(MAX_EXPORT_ORDER_IDS).optional(),
    /** Visible columns, left to right (keys of the order list's columns). */
    columns: z
      .array(z.enum(COLUMN_KEYS))
      .min(1)
      .max(COLUMN_KEYS.length)
      .refine((keys) => new Set(keys).size === keys.length, { message: '같은 항목이 두 번 있습니다' })
      .optional(),
    sort: orderSortSchema.optional(),
    /**
     * 다운로드 사유: required when the columns include personal data (PERSONAL_EXPORT_COLUMNS) and the
     * caller may export it (`personal.export`); recorded in the personal-data access log.
     */
    reason: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((b) => b.viewId !== undefined || b.filter !== undefined || b.orderIds !== undefined, {
    message: 'viewId, filter 또는 orderIds 중 하나가 필요합니다',
  })
  .refine((b) => b.orderIds === undefined || (b.filter === undefined && b.period === undefined), {
    message: '선택한 주문(orderIds)은 filter·period와 함께 보낼 수 없습니다',
  })
  .meta({ id: 'OrderExportRequest' });
export type OrderExportRequest = z.infer<typeof orderExportRequestSchema>;

/**
 * Columns each item row carries after the layout's columns: the export has one row per item,
 * the order's columns repeated on each. 품목번호 is the order item's id: give it back in an upload
 * to ship only that item.
 */
export const EXPORT_ITEM_COLUMNS = {
  itemNumber: { ko: '품목번호', en: 'Item number' },
  productName: { ko: '상품명', en: 'Product' },
  optionName: { ko: '옵션', en: 'Option' },
  itemQuantity: { ko: '수량', en: 'Quantity' },
  unitPrice: { ko: '판매가', en: 'Unit price' },
  itemStatus: { ko: '품목상태', en: 'Item status' },
} as const;

/** What the item quantity is called when the layout shows the order's 수량 too. */
export const ITEM_QUANTITY_WITH_ORDER_QUANTITY = { ko: '품목수량', en: 'Item quantity' } as const;

/**
 * Largest upload and most rows per upload. Each order is its own transaction (10–20 ms on
 * PostgreSQL), and the upload answers when all are done, so the row limit bounds the wait.
 */
export const TRACKING_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const TRACKING_IMPORT_MAX_ROWS = 2_000;
/**
 * What the parts of an upload that are read (workbook, styles, shared strings, sheets up to the
 * one with the header) may inflate to in total: an .xlsx is a zip, and 10 MB of zip can hold
 * gigabytes. An exported file of 2,689 rows with every column (30) is 3.7 MB inflated, so this is
 * more than ten times what the row limit lets through.
 */
export const TRACKING_IMPORT_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/**
 * The columns of a tracking-number upload, found by their header in the first rows of a sheet (an
 * exported order file has them, so it can be filled in and uploaded back). Headers compare
 * without spaces, punctuation and case; each column also answers to the names listed. Without a
 * 주문번호 or 송장번호 column the file is refused; without 택배사 every row is (it has no courier).
 */
export const TRACKING_IMPORT_COLUMNS = {
  orderNumber: { ko: '주문번호', en: 'Order number', required: true, aliases: ['주문 번호', 'Order No', 'Order number'] },
  itemNumber: { ko: '품목번호', en: 'Item number', required: false, aliases: ['품목 번호', '품목ID', 'Item ID', 'Item number', 'Item No'] },
  courier: { ko: '택배사', en: 'Courier', required: false, aliases: ['택배사명', '배송업체', '택배회사', 'Courier', 'Carrier'] },
  trackingNumber: {
    ko: '송장번호',
    en: 'Tracking number',
    required: true,
    aliases: ['운송장번호', '송장 번호', '운송장', '등기번호', 'Tracking No', 'Tracking number', 'Invoice number', 'Waybill', 'Waybill number'],
  },
  /**
   * The parcel (shipment group) a 송장 출력 file named: 고객주문번호 in the couriers' forms, which
   * their programs hand back. It stands in for 주문번호 (a file needs one of the two) and ships
   * exactly that parcel's units.
   */
  parcelNumber: { ko: '배송그룹번호', en: 'Parcel ID', required: false, aliases: ['고객주문번호', '배송 그룹 번호', 'Parcel number', 'Shipment group'] },
} as const;

/** ?courier= of an upload: the courier of rows whose file has no 택배사 column (a courier's own file). */
export const trackingImportQuerySchema = z.object({ courier: z.string().trim().min(1).max(40).optional() });

export const trackingImportRowSchema = z
  .object({
    /** The row number in the sheet, as Excel shows it. */
    row: z.number().int(),
    /** The cells as read, trimmed (null: empty). */
    orderNumber: z.string().nullable(),
    itemNumber: z.string().nullable(),
    /** The 배송그룹번호 (고객주문번호) cell, only when the file has that column. */
    parcelNumber: z.string().nullable().optional(),
    courier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    outcome: z.enum(['applied', 'rejected']),
    /** Why the row was rejected (an error code of src/contracts/errors.ts); null when applied. */
    code: z.string().nullable(),
    message: z.string(),
    /** The order the row names, when it exists. */
    orderId: id.nullable(),
    /** The courier code stored on the parcel (CJ, HANJIN …), when the courier was recognised. */
    courierCode: z.string().nullable(),
    /** Units this row shipped (0 when rejected). */
    shippedQuantity: z.number().int(),
  })
  .meta({ id: 'TrackingImportRow' });
export type TrackingImportRow = z.infer<typeof trackingImportRowSchema>;

export const trackingImportResultSchema = z
  .object({
    /** Every row with something in it, in sheet order; rows with neither courier nor tracking number are skipped. */
    rows: z.array(trackingImportRowSchema),
    totals: z.object({
      rows: z.number().int(),
      applied: z.number().int(),
      rejected: z.number().int(),
      /** Rows without courier and tracking number (an exported order not to ship yet). */
      skipped: z.number().int(),
      /** Orders of the file that shipped something, and those that shipped nothing. */
      ordersShipped: z.number().int(),
      ordersRejected: z.number().int(),
      parcels: z.number().int(),
      unitsShipped: z.number().int(),
    }),
  })
  .meta({ id: 'TrackingImportResult' });
export type TrackingImportResult = z.infer<typeof trackingImportResultSchema>;
