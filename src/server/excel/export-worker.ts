import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, SERVER_TIMEOUTS, type Database } from '../db/client';
import { pageFromText, readPageAt, type Page } from './export-page';
import { writeWorkbookPages } from './export-service';
import { ChunkWriter } from './export-jobs';
import type { FromMain, ToMain, WorkerInput } from './export-thread-protocol';

/**
 * The export job's thread: makes the rows, writes the sheet's XML and zips it (the deflating in
 * the thread pool) — all of an export's CPU but the database's — so the server's main thread keeps
 * answering requests. On PostgreSQL it reads its pages and stores the file's pieces through a
 * connection of its own: the main thread only beats the job's heartbeat. PGlite lives in the main
 * thread, which runs the page queries there and posts their texts over, and stores the pieces
 * the worker posts back.
 */
if (!parentPort) throw new Error('export-worker runs as a worker thread');
const port = parentPort;
const input = workerData as WorkerInput;

let asked = 0;
const waiting = new Map<number, (answer: FromMain) => void>();
port.on('message', (message: FromMain) => {
  waiting.get(message.seq)?.(message);
  waiting.delete(message.seq);
});
function ask(question: Extract<ToMain, { seq: number }>): Promise<FromMain> {
  return new Promise((resolve) => {
    waiting.set(question.seq, resolve);
    port.postMessage(question);
  });
}
const post = (message: ToMain, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** PGlite: each piece is copied out of zlib's buffers and its copy moved, not cloned, to the main thread. */
const posting = () =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      const copy = new Uint8Array(chunk);
      post({ type: 'bytes', data: copy }, [copy.buffer]);
      done();
    },
  });

/** PostgreSQL: stored here as they come, ~1 MB a row; the zip waits while a piece is being inserted. */
const storing = (chunks: ChunkWriter) =>
  new Writable({
    highWaterMark: 1024 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.add(chunk);
      chunks.flush().then(() => done(), done);
    },
    final(done) {
      chunks.flush(true).then(() => done(), done);
    },
  });

async function main(): Promise<void> {
  const now = new Date(input.now);
  let database: Database | null = null;
  try {
    if (input.databaseUrl) database = await openDatabase({ databaseUrl: input.databaseUrl, migrate: false, timeouts: SERVER_TIMEOUTS, onConnectionError: () => undefined });
    const db = database?.db;
    const chunks = db ? new ChunkWriter(db, input.shopId, input.jobId) : null;
    const out = chunks ? storing(chunks) : posting();
    const readPage = async (ids: readonly number[]): Promise<Page> => {
      if (db) return readPageAt(db, input.shopId, ids, input.lang, now, input.personal);
      const answer = await ask({ type: 'page', seq: ++asked, ids: [...ids] });
      if (answer.type !== 'page') throw new Error('expected a page');
      return pageFromText(answer.text, input.lang, now, input.personal);
    };
    const finished = new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
    });
    // The main thread records each page's progress (and the job's heartbeat) while the next page
    // is written: only the one before must have been recorded. A job lost meanwhile ends the thread.
    let recorded: Promise<unknown> = Promise.resolve();
    const summary = await writeWorkbookPages({ ids: input.ids, columns: input.columns, lang: input.lang, pageSize: input.pageSize }, readPage, out, async (orders) => {
      await recorded;
      recorded = ask({ type: 'progress', seq: ++asked, orders });
    });
    await recorded;
    await finished;
    post({ type: 'done', summary, stored: chunks ? chunks.bytes : null });
  } finally {
    await database?.close();
  }
}

main().catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
