import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { OrderExportRequest } from '../../contracts/excel';
import type { OrderListItem } from '../../contracts/order-list';
import { DEFAULT_ORDER_SORT, type OrderFilter, type OrderPeriod, type OrderSort } from '../../contracts/order-filter';
import { columnsShownFor, DEFAULT_COLUMN_LAYOUT, type ColumnKey, type ColumnLayout } from '../../contracts/views';
import { seoulStamp } from '../../domain/spreadsheet-values';
import type { Principal } from '../auth/principal';
import type { Db, Executor } from '../db/client';
import type { Lang } from '../http/errors';
import { toListItems } from '../order-list/rows';
import { getView } from '../views/service';
import { orderIdsInOrder, readOrderRows, readPageItems, type ExportSelection } from './export-query';
import { CELL_STYLES, sheetColumns, type ExportItem } from './workbook-columns';

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

interface DrainingStream {
  _writableState?: { needDrain?: boolean };
  on(event: 'drain', listener: () => void): unknown;
  off(event: 'drain', listener: () => void): unknown;
}

/**
 * Where the sheet's XML enters the zip. exceljs writes it there without heeding backpressure, so
 * rows committed faster than they are deflated would pile up in memory (240 MB for 100,000 rows
 * written in a tight loop). Its internals, read defensively: null when a new exceljs moved them.
 */
function zipInputOf(sheet: ExcelJS.Worksheet): DrainingStream | null {
  const input = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as DrainingStream | undefined;
  return input && typeof input.on === 'function' && input._writableState ? input : null;
}

/**
 * Resolves when the zip has taken in what the sheet wrote and `out` has room (so a slow reader
 * slows the export down instead of filling memory) — or when `out` closed, so that a cancelled
 * download ends the loop rather than waiting for a drain that will not come.
 */
export function caughtUp(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const input = zipInputOf(sheet);
  const waiting: DrainingStream[] = [...(input?._writableState?.needDrain ? [input] : []), ...(out.writableNeedDrain ? [out] : [])];
  if (waiting.length === 0 || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let pending = waiting.length;
    const done = () => {
      for (const s of waiting) s.off('drain', drained);
      out.off('close', done);
      resolve();
    };
    const drained = () => {
      pending -= 1;
      if (pending === 0) done();
    };
    for (const s of waiting) s.on('drain', drained);
    out.on('close', done);
  });
}

export const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface Page {
  orders: OrderListItem[];
  items: Map<number, ExportItem[]>;
}

/**
 * A page of orders as the list shows them, with their items. The rows and the items are read at
 * once: on PostgreSQL they go to two pooled connections (on PGlite they queue, which costs nothing).
 */
export async function readPageAt(db: Executor, shopId: number, ids: readonly number[], lang: Lang, now: Date, personal: 'masked' | 'shown'): Promise<Page> {
  const [rows, items] = await Promise.all([readOrderRows(db, shopId, ids), readPageItems(db, shopId, ids)]);
  return { orders: await toListItems(db, shopId, rows, lang, now, personal), items };
}

const selectionOf = (spec: OrderExportSpec): ExportSelection => ({ filter: spec.filter ?? {}, period: spec.period, orderIds: spec.orderIds, sort: spec.sort ?? DEFAULT_ORDER_SORT });

/** The ids an export of `spec` writes, in its order (what writeOrdersWorkbook reads when not given them). */
export function exportOrderIds(db: Executor, shopId: number, spec: OrderExportSpec, now: Date): Promise<number[]> {
  return orderIdsInOrder(db, shopId, selectionOf(spec), now);
}

/**
 * Writes the orders of `spec` as an .xlsx to `out`, one row per item with the order's columns
 * repeated, streaming. The matching ids are read first, in the sort's order (whereOf evaluated
 * once, ~7 bytes an order); then pages of 1,000 orders by primary key with their items (one query)
 * and the list's row mapping (toListItems); each page's rows are committed to the sheet and the
 * page dropped, and the loop waits whenever `out` is full — memory stays flat however many orders
 * there are. Shared strings are off (their table would stay in memory to the end). Ends `out`
 * when the workbook is complete; throws ExportAborted when `out` closed before that.
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
 * its own connection or the main thread (PGlite lives there). `afterPage` is told how many orders
 * are written, once the zip has taken in the page — the job's progress and heartbeat.
 */
export async function writeWorkbookPages(plan: WorkbookPlan, readPage: (ids: readonly number[]) => Promise<Page>, out: Writable, afterPage?: (orders: number) => Promise<void>): Promise<ExportSummary> {
  const { ids, lang } = plan;
  const pageSize = plan.pageSize ?? 1000;
  const columns = sheetColumns(plan.columns, lang);

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(lang === 'ko' ? '주문목록' : 'Orders', { views: [{ state: 'frozen', ySplit: 1 }] });
  // One style object per kind of column, given to every cell: exceljs recognizes a style object
  // it has seen and skips its lookup, which otherwise costs more than writing the cell. Columns
  // carry it too, so what staff type into the file later gets the same format (text for 송장번호).
  const styles = columns.map((c) => CELL_STYLES[c.kind]);
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, style: CELL_STYLES[c.kind] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const summary: ExportSummary = { orders: 0, rows: 0 };
  const readAt = (start: number): Promise<Page> => {
    const reading = readPage(ids.slice(start, start + pageSize));
    // read ahead while the current page is written; a failure surfaces when the page is awaited
    reading.catch(() => undefined);
    return reading;
  };
  let next = ids.length > 0 ? readAt(0) : null;
  for (let start = 0; next; start += pageSize) {
    const { orders, items } = await next;
    next = start + pageSize < ids.length ? readAt(start + pageSize) : null;
    if (out.destroyed) throw new ExportAborted();
    for (const order of orders) {
      for (const item of items.get(order.id) ?? [null]) {
        const row = sheet.addRow(columns.map((c) => c.value(order, item)));
        styles.forEach((style, i) => {
          row.getCell(i + 1).style = style;
        });
        row.commit();
        summary.rows += 1;
      }
    }
    summary.orders += orders.length;
    // let the zip catch up with what was committed, and the reader with the zip
    await nextTick();
    await caughtUp(sheet, out);
    await afterPage?.(summary.orders);
  }
  if (out.destroyed) throw new ExportAborted();
  sheet.commit();
  await workbook.commit();
  return summary;
}
