import { AppError } from '../http/errors';
import { attributesOf, endOfLast, scanXml, type XmlHandler } from './xml-scan';

/** `_x000D_` and the like: how OOXML writes characters XML cannot carry. */
export const decodeOoxmlEscapes = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Excel's most characters in a cell: text past it is not kept (no workbook writer makes it, no identifier is that long). */
const MAX_CELL_CHARS = 32_767;

/** A cell's text as it comes in pieces, up to what a cell can hold (so a bomb of one huge string costs no more). */
export class CellTextBuffer {
  private pieces: string[] = [];
  private length = 0;

  push(text: string): void {
    if (this.length >= MAX_CELL_CHARS) return;
    const piece = text.length <= MAX_CELL_CHARS - this.length ? text : text.slice(0, MAX_CELL_CHARS - this.length);
    this.pieces.push(piece);
    this.length += piece.length;
  }

  /** The text so far, emptying the buffer. */
  take(): string {
    const text = this.pieces.join('');
    this.pieces = [];
    this.length = 0;
    return text;
  }
}

/** A cell's value in exceljs's shapes, so that cellText reads it as it read exceljs's. */
export type CellValue = string | number | boolean | Date | { error: string } | null;

export interface SheetStyles {
  /** By style index (cellXfs): numbers in this style are dates. */
  dateStyles: boolean[];
  date1904: boolean;
}

interface SheetContext {
  styles: SheetStyles;
  sharedStrings: readonly string[];
}

/** More merged ranges than any sheet staff make; beyond them the sheet is refused rather than misread. */
const MAX_MERGES = 100_000;
/** Merged ranges are indexed by column, once per column they span (a whole merged row spans 16,384): at most this many entries. */
const MAX_MERGE_SPAN = 1_000_000;
/** Cells are keyed row × this + column (Excel's last column is 16,384). */
const COLUMN_SPACE = 1 << 20;

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "AB12" → column 28 (1-based); 0 when there are no letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return col;
}

function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  return m ? { col: columnOf(m[1] ?? ''), row: Number(m[2]) } : null;
}

/**
 * Merged ranges, read before the rows (they follow the rows in the file). exceljs shows a merged
 * cell's master value in every cell of the range — an order number merged over its item rows is
 * on each row — so the rows here do too.
 */
class MergeIndex {
  private readonly masters = new Map<number, CellValue>();
  /** By column, the ranges spanning it from the top down. */
  private readonly byColumn = new Map<number, MergeRange[]>();

  constructor(private readonly ranges: MergeRange[]) {
    for (const r of [...ranges].sort((a, b) => a.top - b.top)) {
      this.masters.set(r.top * COLUMN_SPACE + r.left, null);
      for (let col = r.left; col <= r.right; col++) {
        const list = this.byColumn.get(col);
        if (list) list.push(r);
        else this.byColumn.set(col, [r]);
      }
    }
  }

  /** Keeps the value of a range's top-left cell. */
  saw(row: number, col: number, value: CellValue): void {
    const key = row * COLUMN_SPACE + col;
    if (this.masters.has(key)) this.masters.set(key, value);
  }

  /** The master value when (row, col) lies in a range other than at its top-left; undefined otherwise. */
  masterOf(row: number, col: number): CellValue | undefined {
    const list = this.byColumn.get(col) ?? [];
    // the last range starting at or above the row (ranges of one column do not overlap)
    let lo = 0;
    let hi = list.length - 1;
    let found: MergeRange | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid];
      if (r && r.top <= row) {
        found = r;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (!found || found.bottom < row || (found.top === row && found.left === col)) return undefined;
    return this.masters.get(found.top * COLUMN_SPACE + found.left) ?? null;
  }

  /** The first column of each range reaching down into `row` from above (the header search looks at these). */
  columnsFrom(row: number): number[] {
    return this.ranges.filter((r) => r.top < row && row <= r.bottom).map((r) => r.left);
  }
}

/** One row of a sheet as exceljs would show it (merged cells carry their master's value). */
export class XlsxRow {
  constructor(
    readonly number: number,
    private readonly cells: Map<number, CellValue>,
    private readonly merges: MergeIndex,
  ) {}

  valueAt(col: number): CellValue {
    const merged = this.merges.masterOf(this.number, col);
    return merged !== undefined ? merged : (this.cells.get(col) ?? null);
  }

  /** The columns that have a value, left to right, merged ones included. */
  columns(): number[] {
    return [...new Set([...this.cells.keys(), ...this.merges.columnsFrom(this.number)])].sort((a, b) => a - b);
  }
}

/** The <mergeCell> ranges after </sheetData>, read from there on only. */
async function readMerges(xml: readonly Buffer[]): Promise<MergeRange[]> {
  const end = endOfLast(xml, 'sheetData>');
  if (!end) return [];
  const ranges: MergeRange[] = [];
  let span = 0;
  await scanXml(
    xml,
    {
      open(name, attrs) {
        if (name !== 'mergeCell') return;
        if (ranges.length >= MAX_MERGES) throw new AppError('EXCEL_FILE_INVALID', { reason: `more than ${MAX_MERGES.toLocaleString('en')} merged cell ranges in a sheet` });
        const [from, to] = (attributesOf(attrs).ref ?? '').split(':');
        const a = cellRef(from ?? '');
        const b = cellRef(to ?? '');
        if (!a || !b) return;
        const range = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
        span += range.right - range.left + 1;
        if (span > MAX_MERGE_SPAN) throw new AppError('EXCEL_FILE_INVALID', { reason: 'merged cell ranges spanning too many columns in all' });
        ranges.push(range);
      },
      close: () => undefined,
      text: () => undefined,
    },
    end,
  );
  return ranges;
}

const excelToDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** A cell's value as exceljs makes it from its type (t), style (s), cached value (v or is) and formula. */
function valueOf(cell: { t: string; s: number; formula: boolean; raw: string | null }, ctx: SheetContext): CellValue {
  const { t, raw } = cell;
  // a formula with no cached result shows nothing (exceljs: { formula } without a result)
  if (raw === null || (cell.formula && raw === '')) return null;
  if (!cell.formula && t === 's') return ctx.sharedStrings[Number.parseInt(raw, 10)] ?? null;
  if (t === 'str' || t === 'inlineStr') return raw;
  if (t === 'b') return Number.parseInt(raw, 10) !== 0;
  if (t === 'e') return { error: raw };
  const n = Number.parseFloat(raw);
  if (!Number.isFinite(n) || !ctx.styles.dateStyles[cell.s]) return n;
  const date = excelToDate(n, ctx.styles.date1904);
  return Number.isNaN(date.getTime()) ? n : date;
}

/**
 * Reads <sheetData> row by row, each handed to `onRow` as soon as it closes; stops when `onRow`
 * answers false (the rest of the sheet is not looked at).
 */
export async function readSheetRows(xml: readonly Buffer[], ctx: SheetContext, onRow: (row: XlsxRow) => boolean): Promise<void> {
  const merges = new MergeIndex(await readMerges(xml));
  let done = false;
  let rowNumber = 0;
  let cells = new Map<number, CellValue>();
  let col = 0;
  let cell: { t: string; s: number; formula: boolean; raw: string | null } | null = null;
  let collecting: 'v' | 't' | 'f' | null = null;
  let inString = false;
  let phonetic = 0;
  const buffer = new CellTextBuffer();

  const handler: XmlHandler = {
    get done() {
      return done;
    },
    open(name, attrs) {
      if (name === 'row') {
        const r = Number(attributesOf(attrs).r);
        rowNumber = Number.isSafeInteger(r) && r > 0 ? r : rowNumber + 1;
        cells = new Map();
        col = 0;
      } else if (name === 'c') {
        const a = attributesOf(attrs);
        col = (a.r ? columnOf(a.r) : 0) || col + 1;
        cell = { t: a.t ?? 'n', s: Number(a.s ?? 0), formula: false, raw: null };
      } else if (!cell) {
        return;
      } else if (name === 'f') {
        // exceljs calls it a formula when it has text, or is a shared formula's follower (t="shared")
        cell.formula ||= attributesOf(attrs).t !== undefined;
        collecting = 'f';
        buffer.take();
      } else if (name === 'v') {
        collecting = 'v';
        buffer.take();
      } else if (name === 'is') {
        inString = true;
        buffer.take();
      } else if (name === 'rPh') {
        phonetic += 1;
      } else if (name === 't' && inString && phonetic === 0) {
        collecting = 't';
      }
    },
    close(name) {
      if (name === 'f' && cell) {
        if (buffer.take() !== '') cell.formula = true;
        collecting = null;
      } else if (name === 'v' && cell) {
        cell.raw = buffer.take();
        collecting = null;
      } else if (name === 't' && collecting === 't') {
        collecting = null;
      } else if (name === 'rPh') {
        phonetic -= 1;
      } else if (name === 'is' && cell) {
        inString = false;
        const text = decodeOoxmlEscapes(buffer.take());
        if (cell.raw === null && text !== '') cell.raw = text;
      } else if (name === 'c' && cell) {
        const value = valueOf(cell, ctx);
        merges.saw(rowNumber, col, value);
        if (value !== null) cells.set(col, value);
        cell = null;
      } else if (name === 'row') {
        if (!onRow(new XlsxRow(rowNumber, cells, merges))) done = true;
      } else if (name === 'sheetData') {
        done = true;
      }
    },
    text(text) {
      if (collecting) buffer.push(text);
    },
  };
  await scanXml(xml, handler);
}
