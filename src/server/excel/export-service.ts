import type { Writable } from 'node:stream';
import type { OrderExportRequest } from '../../contracts/excel';
import { DEFAULT_ORDER_SORT, type OrderFilter, type OrderPeriod, type OrderSort } from '../../contracts/order-filter';
import { columnsShownFor, DEFAULT_COLUMN_LAYOUT, type ColumnKey, type ColumnLayout } from '../../contracts/views';
import { seoulStamp } from '../../domain/spreadsheet-values';
import type { Principal } from '../auth/principal';
import type { Db, Executor } from '../db/client';
import type { Lang } from '../http/errors';
import { getView } from '../views/service';
import { readPageAt, type Page } from './export-page';
import { orderIdsInOrder, type ExportSelection } from './export-query';
import { SheetWriter } from './sheet-writer';
import { sheetColumns } from './workbook-columns';
import { ZipOutputClosed } from './zip-writer';

/** What to write, resolved: no view ids or callers left, so a benchmark can call it directly. */
export interface OrderExportSpec {
  /** Default: every order of the shop. */
  filter?: OrderFilter;
  /** ANDed onto the filter. */
  period?: OrderPeriod;
  /** Only these orders (the filter, if any, still applies). */
  orderIds?: readonly number[];
  /** Default: newest first. */
  sort?: OrderSort;
  /** Visible columns left to right; default: the default layout's visible columns. */
  columns?: readonly ColumnKey[];
  /** "Today" for relative periods; default: the moment the export starts. */
  now?: Date;
  /** Orders per query; default 1,000. */
  pageSize?: number;
  /** The matching ids in order, when the caller read them first (exportOrderIds) to record who exported which orders. */
  resolvedIds?: readonly number[];
  /** Personal data as the list masks it (default), or shown: for `personal.export`, recorded by the caller. */
  personal?: 'masked' | 'shown';
}

export interface ExportSummary {
  orders: number;
  rows: number;
}

const visibleKeys = (layout: ColumnLayout): ColumnKey[] => [...layout].sort((a, b) => a.position - b.position).filter((c) => c.visible).map((c) => c.key);

/** The layout's, the tab's or the default columns; the tab's filter unless one is sent; ids as chosen. */
export async function resolveExportSpec(db: Db, principal: Principal, body: OrderExportRequest, now: Date): Promise<OrderExportSpec> {
  const view = body.viewId === undefined ? null : await getView(db, principal, body.viewId);
  return {
    filter: body.orderIds ? {} : (body.filter ?? view?.filter ?? {}),
    ...(body.period ? { period: body.period } : {}),
    ...(body.orderIds ? { orderIds: body.orderIds } : {}),
    sort: body.sort ?? view?.sort ?? DEFAULT_ORDER_SORT,
    // as the list shows the tab: 배송지연 joins the columns while its filter is on
    columns: body.columns ?? visibleKeys(columnsShownFor(view?.columns ?? DEFAULT_COLUMN_LAYOUT, body.orderIds ? {} : (body.filter ?? view?.filter ?? {}))),
    now,
  };
}

/** 주문목록_20261126_1430.xlsx (orders_20261126_1430.xlsx in English), Seoul time. */
export function exportFileName(now: Date, lang: Lang): string {
  return `${lang === 'ko' ? '주문목록' : 'orders'}_${seoulStamp(now)}.xlsx`;
}

/** Stops the export when whoever reads the file has gone away (closed download, dropped connection). */
export class ExportAborted extends Error {
  constructor() {
    super('the export stream was closed before the workbook was complete');
  }
}

const selectionOf = (spec: OrderExportSpec): ExportSelection => ({ filter: spec.filter ?? {}, period: spec.period, orderIds: spec.orderIds, sort: spec.sort ?? DEFAULT_ORDER_SORT });

/** The ids an export of `spec` writes, in its order (what writeOrdersWorkbook reads when not given them). */
export function exportOrderIds(db: Executor, shopId: number, spec: OrderExportSpec, now: Date): Promise<number[]> {
  return orderIdsInOrder(db, shopId, selectionOf(spec), now);
}

/**
 * Writes the orders of `spec` as an .xlsx to `out`, one row per item with the order's columns
 * repeated, streaming. The matching ids are read first, in the sort's order (whereOf evaluated
 * once, ~7 bytes an order); then pages of 1,000 orders with their items, parcels and claims
 * (export-page.ts) and the list's row mapping (listItemOf); each page's rows go to the sheet and
 * the page is dropped, and the loop waits whenever `out` is full — memory stays flat however
 * many orders there are. Ends `out` when the workbook is complete; throws ExportAborted when
 * `out` closed before that.
 *
 * Nothing runs in a transaction (PGlite has one connection, and a snapshot held for the length of
 * a big export would stall every other request there): the set of orders is the one matching at
 * the start, each written as it stands when its page is read; an order deleted meanwhile is left out.
 */
export async function writeOrdersWorkbook(db: Executor, shopId: number, spec: OrderExportSpec, lang: Lang, out: Writable): Promise<ExportSummary> {
  const now = spec.now ?? new Date();
  const ids = spec.resolvedIds ?? (await exportOrderIds(db, shopId, spec, now));
  const personal = spec.personal ?? 'masked';
  return writeWorkbookPages({ ids, columns: spec.columns ?? visibleKeys(DEFAULT_COLUMN_LAYOUT), lang, pageSize: spec.pageSize }, (page) => readPageAt(db, shopId, page, lang, now, personal), out);
}

/**
 * zlib level of the file: 1, best speed, as exceljs' zip wrote it. The sheet is ~190 MB of XML
 * for 100,000 orders; level 6 would take 3–4× the CPU for a file ~25% smaller.
 */
export const EXPORT_DEFLATE_LEVEL = 1;

export interface WorkbookPlan {
  /** The orders, in the file's order. */
  ids: readonly number[];
  columns: readonly ColumnKey[];
  lang: Lang;
  /** Orders per page; default 1,000. */
  pageSize?: number | undefined;
}

/**
 * The writing half of an export, apart from where the pages come from: the server's own database
 * connection (a small export streamed as it is asked for) or, in an export job's worker thread,
 * its own connection or the main thread (PGlite lives there). The next page is read while the
 * current one is written. `afterPage` is told how many orders are written, once the deflater
 * has taken in the page — the job's progress and heartbeat.
 */
export async function writeWorkbookPages(plan: WorkbookPlan, readPage: (ids: readonly number[]) => Promise<Page>, out: Writable, afterPage?: (orders: number) => Promise<void>): Promise<ExportSummary> {
  const { ids, lang } = plan;
  const pageSize = plan.pageSize ?? 1000;
  const columns = sheetColumns(plan.columns, lang);
  const summary: ExportSummary = { orders: 0, rows: 0 };
  const readAt = (start: number): Promise<Page> => {
    const reading = readPage(ids.slice(start, start + pageSize));
    // read ahead while the current page is written; a failure surfaces when the page is awaited
    reading.catch(() => undefined);
    return reading;
  };
  let next = ids.length > 0 ? readAt(0) : null;
  try {
    const sheet = await SheetWriter.start(out, { sheetName: lang === 'ko' ? '주문목록' : 'Orders', columns, level: EXPORT_DEFLATE_LEVEL });
    for (let start = 0; next; start += pageSize) {
      const { orders, items } = await next;
      next = start + pageSize < ids.length ? readAt(start + pageSize) : null;
      for (const order of orders) {
        for (const item of items.get(order.id) ?? [null]) {
          sheet.row(columns.map((c) => c.value(order, item)));
          summary.rows += 1;
        }
        await sheet.flushIfFull();
      }
      await sheet.flush();
      summary.orders += orders.length;
      await afterPage?.(summary.orders);
    }
    await sheet.finish();
  } catch (error) {
    throw error instanceof ZipOutputClosed ? new ExportAborted() : error;
  }
  return summary;
}
