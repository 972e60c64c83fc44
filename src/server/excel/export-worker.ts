import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, SERVER_TIMEOUTS, type Database } from '../db/client';
import type { ExportItem } from './workbook-columns';
import { readPageAt, writeWorkbookPages, type Page } from './export-service';
import type { FromMain, ToMain, WorkerInput } from './export-thread-protocol';

/**
 * The export job's thread: writes the workbook (exceljs, the XML and the deflate — most of an
 * export's CPU) so the server's main thread keeps answering requests. On PostgreSQL it reads its
 * pages through a connection of its own; PGlite lives in the main thread, which reads them there
 * and posts them over. The file goes back to the main thread as it is written, which stores it.
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

// each piece is copied out of exceljs' buffers and its copy moved, not cloned, to the main thread
const out = new Writable({
  write(chunk: Buffer, _encoding, done) {
    const copy = new Uint8Array(chunk);
    post({ type: 'bytes', data: copy }, [copy.buffer]);
    done();
  },
});

async function main(): Promise<void> {
  const now = new Date(input.now);
  let database: Database | null = null;
  try {
    if (input.databaseUrl) database = await openDatabase({ databaseUrl: input.databaseUrl, migrate: false, timeouts: SERVER_TIMEOUTS, onConnectionError: () => undefined });
    const db = database?.db;
    const readPage = async (ids: readonly number[]): Promise<Page> => {
      if (db) return readPageAt(db, input.shopId, ids, input.lang, now, input.personal);
      const answer = await ask({ type: 'page', seq: ++asked, ids: [...ids] });
      if (answer.type !== 'page') throw new Error('expected a page');
      return { orders: answer.orders, items: new Map<number, ExportItem[]>(answer.items) };
    };
    const finished = new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
    });
    const summary = await writeWorkbookPages({ ids: input.ids, columns: input.columns, lang: input.lang, pageSize: input.pageSize }, readPage, out, async (orders) => {
      await ask({ type: 'progress', seq: ++asked, orders });
    });
    await finished;
    post({ type: 'done', summary });
  } finally {
    await database?.close();
  }
}

main().catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
