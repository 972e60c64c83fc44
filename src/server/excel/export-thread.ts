import { Worker } from 'node:worker_threads';
import type { PageText } from './export-page';
import type { ExportSummary } from './export-service';
import type { FromMain, ToMain, WorkerInput } from './export-thread-protocol';

export interface ThreadHooks {
  /** PGlite: a page's texts read in the main thread, where the database lives. */
  readPage(ids: readonly number[]): Promise<PageText>;
  /** PGlite: a piece of the file, in order. */
  onBytes(data: Uint8Array): void;
  /** After each page: the worker waits for this (the job stores what it has and beats its heartbeat). */
  onProgress(orders: number): Promise<void>;
}

export interface ThreadResult {
  summary: ExportSummary;
  /** Bytes the worker stored itself (PostgreSQL); null when it handed them to onBytes (PGlite). */
  stored: number | null;
}

export interface RunningExport {
  done: Promise<ThreadResult>;
  /** Ends the thread at once (the server stops, or the job was taken over); `done` rejects. */
  stop(): Promise<void>;
}

/**
 * The worker is TypeScript, like the rest of the server: it is started through tsx's loader, which
 * a worker thread does not inherit from the process on Node 20 (`--import tsx` in execArgv is not
 * applied to workers there), so a one-line module registers it and then imports the worker.
 */
function bootUrl(): URL {
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./export-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(worker)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

export class ExportStopped extends Error {
  constructor() {
    super('the export thread was stopped');
  }
}

/** Writes one workbook in a worker thread, its bytes handed to `hooks.onBytes` as they come. */
export function exportInThread(input: WorkerInput, hooks: ThreadHooks): RunningExport {
  // A small heap: the export's live data is two pages and the XML waiting to be deflated (~20 MB),
  // and V8 left to its defaults lets garbage grow to hundreds of MB before collecting it — the
  // server's RSS.
  const worker = new Worker(bootUrl(), { workerData: input, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 } });
  let stopped = false;
  const answer = (message: FromMain) => worker.postMessage(message);
  const done = new Promise<ThreadResult>((resolve, reject) => {
    const fail = (error: unknown) => {
      void worker.terminate();
      reject(stopped ? new ExportStopped() : error);
    };
    worker.on('message', (message: ToMain) => {
      if (message.type === 'bytes') hooks.onBytes(message.data);
      else if (message.type === 'page') {
        hooks.readPage(message.ids).then((text) => answer({ type: 'page', seq: message.seq, text }), fail);
      } else if (message.type === 'progress') {
        hooks.onProgress(message.orders).then(() => answer({ type: 'go', seq: message.seq }), fail);
      } else if (message.type === 'done') {
        resolve({ summary: message.summary, stored: message.stored });
        void worker.terminate();
      } else fail(new Error(`export thread failed: ${message.message}`));
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`export thread exited (${code}) before the workbook was complete`)));
  });
  // whoever awaits `done` hears of a failure; nothing else must see it as unhandled
  done.catch(() => undefined);
  return {
    done,
    stop: async () => {
      stopped = true;
      await worker.terminate();
    },
  };
}
