import type { OrderListItem } from '../../contracts/order-list';
import type { ColumnKey } from '../../contracts/views';
import type { Lang } from '../http/errors';
import type { ExportSummary } from './export-service';
import type { ExportItem } from './workbook-columns';

/** What an export job's worker thread is started with. */
export interface WorkerInput {
  shopId: number;
  ids: number[];
  columns: ColumnKey[];
  lang: Lang;
  personal: 'masked' | 'shown';
  /** ISO time: "today" of the rows (relative labels, delays), the job's creation. */
  now: string;
  pageSize?: number | undefined;
  /** PostgreSQL: the worker reads through a connection of its own. null: pages come from the main thread (PGlite). */
  databaseUrl: string | null;
}

/** Worker → main thread. Messages with a `seq` wait for the answer with the same `seq`. */
export type ToMain =
  | { type: 'page'; seq: number; ids: number[] }
  | { type: 'progress'; seq: number; orders: number }
  | { type: 'bytes'; data: Uint8Array }
  | { type: 'done'; summary: ExportSummary }
  | { type: 'failed'; message: string };

/** Main thread → worker: answers. */
export type FromMain = { type: 'page'; seq: number; orders: OrderListItem[]; items: Array<[number, ExportItem[]]> } | { type: 'go'; seq: number };
