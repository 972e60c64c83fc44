/**
 * Values as they go into and come out of spreadsheet cells, pure. Excel turns anything that looks
 * like a number into one — a 13-digit tracking number loses its last digits past 15 significant
 * digits and shows as 6.40123E+12, a leading zero disappears — so identifiers travel as text both
 * ways, and times as the Seoul wall-clock text staff read.
 */
import { qualifiedStatusLabel, UNIT_STATUSES, type UnitStatus } from './status';

const SEOUL_OFFSET_MS = 9 * 3_600_000;

/** `YYYY-MM-DD HH:mm` in Asia/Seoul (UTC+9 all year, no daylight saving). */
export function seoulMinute(instant: Date): string {
  const iso = new Date(instant.getTime() + SEOUL_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** `YYYYMMDD_HHmm` in Asia/Seoul, for file names. */
export function seoulStamp(instant: Date): string {
  const iso = new Date(instant.getTime() + SEOUL_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}_${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/**
 * Units of one item by status in workflow order: "배송대기" when they all share one status,
 * "배송중 2, 배송대기 1" when they do not. Statuses whose label is shared (수거중 of a return and of
 * an exchange) carry their family.
 */
export function itemStatusSummary(units: ReadonlyArray<{ status: UnitStatus; quantity: number }>, lang: 'ko' | 'en'): string {
  const byStatus = new Map<UnitStatus, number>();
  for (const u of units) if (u.quantity > 0) byStatus.set(u.status, (byStatus.get(u.status) ?? 0) + u.quantity);
  const present = UNIT_STATUSES.filter((s) => byStatus.has(s));
  if (present.length === 1 && present[0] !== undefined) return qualifiedStatusLabel(present[0], lang);
  return present.map((s) => `${qualifiedStatusLabel(s, lang)} ${byStatus.get(s)}`).join(', ');
}

export interface CellText {
  /** Trimmed text, or null for an empty cell. */
  text: string | null;
  /** The cell held a number, not text: leading zeros are gone, and beyond 15 digits so are digits. */
  fromNumber: boolean;
}

const EMPTY: CellText = { text: null, fromNumber: false };

function textOf(text: string): CellText {
  const trimmed = text.trim();
  return { text: trimmed === '' ? null : trimmed, fromNumber: false };
}

/**
 * The text of a cell value as a spreadsheet library reads it (exceljs shapes: string, number,
 * boolean, Date, rich text, hyperlink, formula with its cached result, error). Integers come back
 * with every digit and no exponent or grouping (640123456789, never 6.40123456789e+11).
 */
export function cellText(value: unknown): CellText {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return textOf(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return EMPTY;
    const text = Number.isInteger(value) ? BigInt(value).toString() : String(value);
    return { text, fromNumber: true };
  }
  if (typeof value === 'boolean') return textOf(value ? 'TRUE' : 'FALSE');
  if (value instanceof Date) return textOf(value.toISOString());
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return textOf(v.richText.map((part: unknown) => (part && typeof part === 'object' ? String((part as { text?: unknown }).text ?? '') : '')).join(''));
    if ('result' in v) return cellText(v.result);
    if ('formula' in v || 'sharedFormula' in v) return EMPTY;
    if ('text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return textOf(v.error);
  }
  return textOf(String(value));
}

/** A number cell that cannot have kept every digit of an identifier (Excel keeps 15 significant digits). */
export function digitsMayBeLost(cell: CellText): boolean {
  return cell.fromNumber && cell.text !== null && (cell.text.replace(/^-/, '').length > 15 || !/^-?\d+$/.test(cell.text));
}
