import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

/**
 * Backpressure for exceljs' streaming WorkbookWriter, which the smaller exports still use (the
 * shipping forms, the access log); the order export writes its sheet itself (sheet-writer.ts).
 */

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

