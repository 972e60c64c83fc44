import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { ERROR_CATALOG } from '../../contracts/errors';
import { EXPORT_FILE_RETENTION_HOURS, type ExportJob } from '../../contracts/export-jobs';
import type { ColumnKey } from '../../contracts/views';
import type { Principal } from '../auth/principal';
import { queryRows, type Db, type Executor } from '../db/client';
import { bulkJobs, exportFileChunks } from '../db/schema/index';
import { insertQueuedJob } from '../bulk-jobs/claim';
import { AppError, type Lang } from '../http/errors';

/**
 * An export job is a bulk_jobs row of kind 'export' (the queue, claim and heartbeat of bulk jobs);
 * `action` holds what to write — the order ids resolved when it was asked for (the ones the
 * access log recorded), the columns, the language and whether personal data is shown — and
 * `result` what was written. The file itself is in export_file_chunks.
 */
export interface ExportJobAction {
  kind: 'orders';
  /** Comma-separated order ids in the file's order (7 bytes an order, not a JSON array of numbers). */
  ids: string;
  columns: ColumnKey[];
  lang: Lang;
  personal: 'masked' | 'shown';
  /** ISO: "today" of the rows, as when it was asked for. */
  now: string;
  fileName: string;
  asciiFileName: string;
}

export interface ExportJobResult {
  bytes?: number;
  rows?: number;
  finishedAt?: string;
  error?: string;
}

export function createExportJob(db: Db, principal: Principal, action: ExportJobAction, selection: Record<string, unknown>, total: number): Promise<number> {
  return insertQueuedJob(db, principal, { kind: 'export', action, selection, total, now: new Date() });
}

interface JobRow extends Record<string, unknown> {
  id: number | string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  total: number;
  done: number;
  result: ExportJobResult | null;
  file_name: string;
  ascii_file_name: string;
  personal: string;
  created_by_staff_id: number | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

/** The job without its ids (100,000 orders are 700 KB that a status poll has no use for). */
async function findJob(db: Executor, shopId: number, jobId: number): Promise<JobRow> {
  const [row] = await queryRows<JobRow>(
    db,
    sql`select id, status, total, done, result, action->>'fileName' as file_name, action->>'asciiFileName' as ascii_file_name,
               action->>'personal' as personal, created_by_staff_id, created_at, updated_at
        from ${bulkJobs} where shop_id = ${shopId} and id = ${jobId} and kind = 'export'`,
  );
  if (!row) throw new AppError('EXPORT_JOB_NOT_FOUND', { exportId: jobId });
  return row;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const expiryOf = (result: ExportJobResult | null) => (result?.finishedAt ? new Date(Date.parse(result.finishedAt) + EXPORT_FILE_RETENTION_HOURS * 3_600_000) : null);

function toExportJob(row: JobRow, lang: Lang, now: Date): ExportJob {
  const expiresAt = row.status === 'done' ? expiryOf(row.result) : null;
  const expired = expiresAt !== null && expiresAt <= now;
  const status = row.status === 'cancelled' ? 'failed' : expired ? 'expired' : row.status;
  const id = Number(row.id);
  const failed = status === 'failed' ? ERROR_CATALOG.EXPORT_JOB_FAILED : null;
  return {
    id,
    status,
    progress: { done: row.done, total: row.total },
    fileName: row.file_name,
    fileUrl: status === 'done' ? `/api/v1/exports/${id}/file` : null,
    bytes: row.result?.bytes ?? null,
    rows: row.result?.rows ?? null,
    personal: row.personal === 'shown',
    expiresAt: expiresAt?.toISOString() ?? null,
    error: failed ? { code: 'EXPORT_JOB_FAILED', message: failed[lang] } : null,
    createdByStaffId: row.created_by_staff_id === null ? null : Number(row.created_by_staff_id),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function readExportJob(db: Executor, shopId: number, jobId: number, lang: Lang): Promise<ExportJob> {
  return toExportJob(await findJob(db, shopId, jobId), lang, new Date());
}

export interface StoredFile {
  fileName: string;
  asciiFileName: string;
  bytes: number;
  body: Readable;
}

/**
 * The finished file, read from the database a piece (~1 MB) at a time as the client takes it, so
 * a 30 MB file never sits whole in memory. Refused while not done (409), once failed (409) and
 * after its day (410) — also when the clean-up has not run yet.
 */
export async function openExportFile(db: Executor, shopId: number, jobId: number, mayShowPersonal: boolean): Promise<StoredFile> {
  const row = await findJob(db, shopId, jobId);
  const job = toExportJob(row, 'ko', new Date());
  if (job.personal && !mayShowPersonal) throw new AppError('EXPORT_PERSONAL_FORBIDDEN', { exportId: jobId });
  if (job.status === 'expired') throw new AppError('EXPORT_FILE_EXPIRED', { exportId: jobId });
  if (job.status === 'failed') throw new AppError('EXPORT_JOB_FAILED', { exportId: jobId });
  if (job.status !== 'done') throw new AppError('EXPORT_FILE_NOT_READY', { exportId: jobId, status: job.status, progress: job.progress });
  const [count] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from ${exportFileChunks} where shop_id = ${shopId} and job_id = ${jobId}`);
  const pieces = Number(count?.n ?? 0);
  if (pieces === 0) throw new AppError('EXPORT_FILE_EXPIRED', { exportId: jobId });
  async function* read() {
    for (let seq = 0; seq < pieces; seq++) {
      const [piece] = await queryRows<{ hex: string }>(
        db,
        sql`select encode(data, 'hex') as hex from ${exportFileChunks} where shop_id = ${shopId} and job_id = ${jobId} and seq = ${seq}`,
      );
      // deleted while being read (its day ended just now): cut the download short
      if (!piece) throw new Error(`export ${jobId}: piece ${seq} is gone`);
      yield Buffer.from(piece.hex, 'hex');
    }
  }
  return { fileName: row.file_name, asciiFileName: row.ascii_file_name, bytes: job.bytes ?? 0, body: Readable.from(read(), { objectMode: false }) };
}

const CHUNK_BYTES = 1024 * 1024;

/*
 * The pieces go in and out as hex text that the database decodes and encodes: PGlite's own bytea
 * conversion turns every byte into a JavaScript string of its own (a 28 MB file: seconds of the
 * main thread and hundreds of MB of garbage each way), where Buffer's hex is native.
 */

/** Collects the file's pieces and stores them ~1 MB at a time, in order. */
export class ChunkWriter {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private seq = 0;
  bytes = 0;
  constructor(
    private readonly db: Db,
    private readonly shopId: number,
    private readonly jobId: number,
  ) {}

  add(data: Uint8Array): void {
    this.pending.push(data);
    this.pendingBytes += data.byteLength;
    this.bytes += data.byteLength;
  }

  /** Stores whole pieces; `all` also the last, shorter one. */
  async flush(all = false): Promise<void> {
    while (this.pendingBytes >= CHUNK_BYTES || (all && this.pendingBytes > 0)) {
      const joined = Buffer.concat(this.pending);
      const size = Math.min(CHUNK_BYTES, joined.byteLength);
      const rest = joined.subarray(size);
      this.pending = rest.byteLength > 0 ? [rest] : [];
      this.pendingBytes = rest.byteLength;
      const hex = joined.toString('hex', 0, size);
      await this.db.execute(sql`insert into ${exportFileChunks} (shop_id, job_id, seq, data) values (${this.shopId}, ${this.jobId}, ${this.seq++}, decode(${hex}, 'hex'))`);
    }
  }
}

/** A job started again keeps nothing of an earlier, interrupted run. */
export async function clearExportFile(db: Executor, shopId: number, jobId: number): Promise<void> {
  await db.delete(exportFileChunks).where(and(eq(exportFileChunks.shopId, shopId), eq(exportFileChunks.jobId, jobId)));
}
