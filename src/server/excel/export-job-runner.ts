import { and, eq, sql } from 'drizzle-orm';
import { claimJob, type ClaimedRow } from '../bulk-jobs/claim';
import { JobLoop } from '../bulk-jobs/job-loop';
import type { Db } from '../db/client';
import { bulkJobs } from '../db/schema/index';
import { readPageText } from './export-page';
import { ChunkWriter, clearExportFile, type ExportJobAction, type ExportJobResult } from './export-jobs';
import { exportInThread, ExportStopped, type RunningExport } from './export-thread';

export interface ExportRunnerOptions {
  /** PostgreSQL: the worker thread opens its own connection here. Without it (PGlite) the main thread reads the pages. */
  databaseUrl?: string | null | undefined;
  /** A running export whose server has not reported for this long is started again by another. */
  staleAfterMs?: number;
  /** How often an idle runner looks for queued exports (a new job also wakes it at once). */
  pollMs?: number;
  /** Orders per page (tests: 1, to stop a job between pages); default 1,000 on PostgreSQL, PGLITE_PAGE_SIZE on PGlite. */
  pageSize?: number;
  log?: (message: string, error?: unknown) => void;
}

type Job = ClaimedRow<ExportJobAction>;

/**
 * Orders per page on PGlite, where the main thread runs the page's queries: each of the four
 * holds the event loop (and the database) while it runs, ~10–30 ms at this size (1,000: up to
 * twice that, for ~10% less time in all; 250: ~35% more time in all).
 */
export const PGLITE_PAGE_SIZE = 500;

/** The job was taken over by another server (this one's heartbeat went stale) or cancelled. */
class LostJob extends Error {}

/**
 * Runs export jobs (bulk_jobs kind 'export') in the background of the server process, one at a
 * time, each in a worker thread. Claimed as bulk jobs are (claimJob: FOR UPDATE SKIP LOCKED, a
 * heartbeat after every page, a stale job retaken). An export cannot resume halfway through a
 * zip, so a job interrupted by a restart or a crash is written again from the start by the next
 * server: its stored pieces are cleared first. The file is complete only when the job says done.
 */
export class ExportJobRunner extends JobLoop {
  private readonly staleAfterMs: number;
  private current: RunningExport | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: ExportRunnerOptions = {},
  ) {
    super(options.pollMs ?? 2_000, options.log ?? (() => undefined), 'export runner: a job stopped on an unexpected error; it is retaken after staleAfterMs');
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
  }

  /** Stopping ends the thread at once and gives the job back to the queue: the next start writes it anew. */
  protected override async interrupt(): Promise<void> {
    await this.current?.stop();
  }

  /**
   * Claims the oldest runnable export and writes it. `maxPages` leaves it halfway, still marked
   * running with its pieces stored, as a server that died would (tests of the takeover use it).
   */
  async runNextJob({ maxPages = Infinity }: { maxPages?: number } = {}): Promise<boolean> {
    const job = await claimJob<ExportJobAction>(this.db, 'export', this.staleAfterMs);
    if (!job) return false;
    await clearExportFile(this.db, job.shopId, job.id);
    const chunks = new ChunkWriter(this.db, job.shopId, job.id);
    const { action } = job;
    let pages = 0;
    let heartbeat = job.heartbeatAt;
    const running = exportInThread(
      {
        shopId: job.shopId,
        jobId: job.id,
        ids: action.ids === '' ? [] : action.ids.split(',').map(Number),
        columns: action.columns,
        lang: action.lang,
        personal: action.personal,
        now: action.now,
        pageSize: this.options.pageSize ?? (this.options.databaseUrl ? undefined : PGLITE_PAGE_SIZE),
        databaseUrl: this.options.databaseUrl ?? null,
      },
      {
        // Only PGlite's pages come through here, and PGlite runs one statement at a time in this
        // thread, each holding the event loop until it is done: small pages, read one query at a
        // time, and after each query the database is left to others for half as long as it took,
        // so everyone else's requests get at least a third of it (the export takes longer instead).
        readPage: (ids) => readPageText(this.db, job.shopId, ids, (queryMs) => new Promise((resolve) => setTimeout(resolve, queryMs / 2))),
        onBytes: (data) => chunks.add(data),
        onProgress: async (orders) => {
          await chunks.flush();
          heartbeat = await this.beat(job, heartbeat, { done: orders });
          if (++pages >= maxPages) throw new ExportStopped();
        },
      },
    );
    this.current = running;
    try {
      const { summary, stored } = await running.done;
      await chunks.flush(true);
      const result: ExportJobResult = { bytes: stored ?? chunks.bytes, rows: summary.rows, finishedAt: new Date().toISOString() };
      await this.beat(job, heartbeat, { status: 'done', done: summary.orders, result });
    } catch (error) {
      await running.stop();
      if (error instanceof ExportStopped) {
        // halted on purpose (maxPages) keeps it running; a stopping server gives it back
        if (this.stopping) await this.release(job, heartbeat);
        return true;
      }
      if (error instanceof LostJob) return true;
      this.log(`export job ${job.id} failed`, error);
      await this.beat(job, heartbeat, { status: 'failed', result: { error: error instanceof Error ? error.message : String(error) } }).catch(() => undefined);
    } finally {
      this.current = null;
    }
    return true;
  }

  /**
   * Records progress (or the end) only while this server still holds the job: the row must still
   * carry the heartbeat this server wrote last. Answers the new heartbeat; throws LostJob otherwise.
   */
  private async beat(job: Job, heartbeat: Date, change: { status?: 'done' | 'failed'; done?: number; result?: ExportJobResult }): Promise<Date> {
    const now = new Date();
    const rows = await this.db
      .update(bulkJobs)
      .set({ ...change, heartbeatAt: now, updatedAt: now })
      .where(and(eq(bulkJobs.shopId, job.shopId), eq(bulkJobs.id, job.id), eq(bulkJobs.status, 'running'), sql`${bulkJobs.heartbeatAt} = ${heartbeat.toISOString()}::timestamptz`))
      .returning({ id: bulkJobs.id });
    if (rows.length === 0) throw new LostJob(`export job ${job.id} was taken over or cancelled`);
    return now;
  }

  private async release(job: Job, heartbeat: Date): Promise<void> {
    await this.db
      .update(bulkJobs)
      .set({ status: 'queued', heartbeatAt: null, done: 0, updatedAt: new Date() })
      .where(and(eq(bulkJobs.shopId, job.shopId), eq(bulkJobs.id, job.id), eq(bulkJobs.status, 'running'), sql`${bulkJobs.heartbeatAt} = ${heartbeat.toISOString()}::timestamptz`));
  }
}
