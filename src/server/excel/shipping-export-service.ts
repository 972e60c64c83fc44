import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DEFAULT_ORDER_SORT } from '../../contracts/order-filter';
import { EXPORTABLE_PARCEL_STATUSES, type ShippingExportRequest } from '../../contracts/shipping-export';
import { COURIER_EXPORT_FORMATS, NUMERIC_SHIPPING_FIELDS, parcelRows, type ExportColumn, type ExportParcel, type ItemLayout } from '../../domain/courier-export-formats';
import { seoulStamp } from '../../domain/spreadsheet-values';
import type { Principal } from '../auth/principal';
import type { Db, Executor } from '../db/client';
import type { Lang } from '../http/errors';
import { getView } from '../views/service';
import { orderIdsInOrder, type ExportSelection } from './export-query';
import { caughtUp, nextTick } from './exceljs-backpressure';
import { ExportAborted } from './export-service';
import { readPageParcels } from './shipping-export-query';
import { requireShippingExportForm } from './shipping-forms-service';
import { CELL_STYLES } from './workbook-columns';

/** The form a file is written in: a courier's or the shop's, resolved to columns. */
export interface ShippingLayout {
  /** What the file is called after: "CJ대한통운", or the shop form's name. */
  name: { ko: string; en: string };
  columns: readonly ExportColumn[];
  itemLayout: ItemLayout;
}

export interface ShippingExportSpec {
  selection: ExportSelection;
  layout: ShippingLayout;
  now: Date;
  pageSize?: number;
  /** The matching ids in order, when the caller read them first to record the download. */
  resolvedIds?: readonly number[];
}

export interface ShippingExportSummary {
  orders: number;
  parcels: number;
  rows: number;
}

/**
 * The selection as the order export resolves it (a tab's filter unless one is sent, or the chosen
 * ids), narrowed to orders that have units ready to go out, and the form. An unknown tab or form
 * is refused here, before the first byte.
 */
export async function resolveShippingExport(db: Db, principal: Principal, body: ShippingExportRequest, now: Date): Promise<ShippingExportSpec> {
  const view = body.viewId === undefined ? null : await getView(db, principal, body.viewId);
  let layout: ShippingLayout;
  if (body.formId !== undefined) {
    const form = await requireShippingExportForm(db, principal.shopId, body.formId);
    layout = { name: { ko: form.name, en: form.name }, columns: form.columns, itemLayout: form.itemLayout };
  } else {
    const format = COURIER_EXPORT_FORMATS[body.format ?? 'CJ'];
    layout = { name: { ko: format.ko, en: format.en }, columns: format.columns, itemLayout: 'merged' };
  }
  return {
    selection: {
      filter: body.orderIds ? {} : (body.filter ?? view?.filter ?? {}),
      period: body.period,
      orderIds: body.orderIds,
      sort: body.sort ?? view?.sort ?? DEFAULT_ORDER_SORT,
      also: { unitStatuses: [...EXPORTABLE_PARCEL_STATUSES] },
    },
    layout,
    now,
  };
}

/** 송장출력_CJ대한통운_20261205_1430.xlsx (shipping_CJ Logistics_… in English), Seoul time. */
export function shippingExportFileName(layout: ShippingLayout, now: Date, lang: Lang): string {
  const name = layout.name[lang].replace(/[\\/:*?"<>|]+/g, '_');
  return `${lang === 'ko' ? '송장출력' : 'shipping'}_${name}_${seoulStamp(now)}.xlsx`;
}

const widthOf = (header: string) => Math.min(48, Math.max(10, [...header].length * 2 + 2));

/**
 * Writes the parcels of the selected orders as an .xlsx, one row per parcel (or per item of it),
 * streaming like the order export: ids first, then pages of orders with their parcels, waiting
 * whenever `out` is full. Every cell but 수량 and 박스수량 is text (phone numbers, postcodes and ids
 * keep their leading zeros when the courier's program or Excel reads them).
 */
export async function writeShippingWorkbook(db: Executor, shopId: number, spec: ShippingExportSpec, lang: Lang, out: Writable): Promise<ShippingExportSummary> {
  const pageSize = spec.pageSize ?? 1000;
  const { columns, itemLayout } = spec.layout;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(lang === 'ko' ? '송장출력' : 'Shipping', { views: [{ state: 'frozen', ySplit: 1 }] });
  const styles = columns.map((c) => CELL_STYLES[NUMERIC_SHIPPING_FIELDS.has(c.field) ? 'count' : 'text']);
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: widthOf(c.header), style: styles[i] ?? {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const summary: ShippingExportSummary = { orders: 0, parcels: 0, rows: 0 };
  const ids = spec.resolvedIds ?? (await orderIdsInOrder(db, shopId, spec.selection, spec.now));
  for (let start = 0; start < ids.length; start += pageSize) {
    const page = ids.slice(start, start + pageSize);
    const parcels: ExportParcel[] = await readPageParcels(db, shopId, page);
    if (out.destroyed) throw new ExportAborted();
    for (const parcel of parcels) {
      for (const cells of parcelRows(parcel, columns, itemLayout)) {
        const row = sheet.addRow(cells);
        styles.forEach((style, i) => {
          row.getCell(i + 1).style = style;
        });
        row.commit();
        summary.rows += 1;
      }
    }
    summary.parcels += parcels.length;
    summary.orders += new Set(parcels.map((p) => p.orderNumber)).size;
    await nextTick();
    await caughtUp(sheet, out);
  }
  if (out.destroyed) throw new ExportAborted();
  sheet.commit();
  await workbook.commit();
  return summary;
}
