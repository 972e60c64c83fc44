import type { ColumnKey } from '../../contracts/views';
import type { Lang } from '../http/errors';
import type { PageText } from './export-page';
import type { ExportSummary } from './export-service';

/** What an export job's worker thread is started with. */
export interface WorkerInput {
  shopId: number;
  jobId: number;
  ids: number[];
  columns: ColumnKey[];
  lang: Lang;
  personal: 'masked' | 'shown';
  /** ISO time: "today" of the rows (relative labels, delays), the job's creation. */
  now: string;
  pageSize?: number | undefined;
  /**
   * PostgreSQL: the worker reads its pages and stores the file's pieces through a connection of
   * its own. null (PGlite): the main thread reads the pages' texts and stores the pieces it is sent.
   */
  databaseUrl: string | null;
}

/** Worker → main thread. Messages with a `seq` wait for the answer with the same `seq`. */
export type ToMain =
  | { type: 'page'; seq: number; ids: number[] }
  | { type: 'progress'; seq: number; orders: number }
  | { type: 'bytes'; data: Uint8Array }
  /** `stored`: the bytes the worker stored itself (PostgreSQL); null when it sent them (PGlite). */
  | { type: 'done'; summary: ExportSummary; stored: number | null }
  | { type: 'failed'; message: string };

/** Main thread → worker: answers. */
export type FromMain = { type: 'page'; seq: number; text: PageText } | { type: 'go'; seq: number };
