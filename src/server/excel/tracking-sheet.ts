import ExcelJS from 'exceljs';
import { TRACKING_IMPORT_COLUMNS, TRACKING_IMPORT_MAX_ROWS, TRACKING_IMPORT_MAX_UNCOMPRESSED_BYTES } from '../../contracts/excel';
import { COURIERS } from '../../domain/couriers';
import { cellText, type CellText } from '../../domain/spreadsheet-values';
import { AppError, type Lang } from '../http/errors';
import { XlsxWorkbook } from './xlsx-workbook';
import type { XlsxRow } from './xlsx-sheet';

type ColumnName = keyof typeof TRACKING_IMPORT_COLUMNS;
const COLUMN_NAMES = Object.keys(TRACKING_IMPORT_COLUMNS) as ColumnName[];

/** One data row of an upload: the row number Excel shows and its cells as text. */
export interface SheetRow {
  row: number;
  cells: Record<ColumnName, CellText>;
}

/** How far down the header row may be (a title or a note above the table is common). */
const HEADER_SEARCH_ROWS = 10;

const headerKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const HEADER_NAMES = new Map<string, ColumnName>();
for (const name of COLUMN_NAMES) {
  const c = TRACKING_IMPORT_COLUMNS[name];
  for (const header of [c.ko, c.en, ...c.aliases]) HEADER_NAMES.set(headerKey(header), name);
}

/** xlsx is a zip; the old binary .xls is an OLE compound file. Said apart to tell staff which it is. */
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Refuses what is not the bytes of an .xlsx at all, before anything is read or recorded. */
export function assertXlsxBytes(body: unknown): asserts body is Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('EXCEL_FILE_INVALID', { reason: 'the request body is not a file (send the .xlsx bytes as the body)' });
  if (body.subarray(0, 4).equals(OLE)) throw new AppError('EXCEL_FILE_INVALID', { reason: 'an Excel 97-2003 .xls file: save it as .xlsx' });
  if (!body.subarray(0, 4).equals(ZIP)) throw new AppError('EXCEL_FILE_INVALID', { reason: 'not an .xlsx file' });
}

async function openWorkbook(body: unknown): Promise<XlsxWorkbook> {
  assertXlsxBytes(body);
  return XlsxWorkbook.open(body, TRACKING_IMPORT_MAX_UNCOMPRESSED_BYTES);
}

type ColumnsOf = Partial<Record<ColumnName, number>>;

/** Where each column is when the row names the required ones; null otherwise. */
function headerIn(row: XlsxRow): ColumnsOf | null {
  const columnOf: ColumnsOf = {};
  for (const col of row.columns()) {
    const text = cellText(row.valueAt(col)).text;
    const name = text === null ? undefined : HEADER_NAMES.get(headerKey(text));
    if (name && columnOf[name] === undefined) columnOf[name] = col;
  }
  // 배송그룹번호 (고객주문번호) names the order through its parcel: it stands in for 주문번호
  const hasColumn = (n: ColumnName) => columnOf[n] !== undefined || (n === 'orderNumber' && columnOf.parcelNumber !== undefined);
  return COLUMN_NAMES.every((n) => !TRACKING_IMPORT_COLUMNS[n].required || hasColumn(n)) ? columnOf : null;
}

/** An upload as read: its data rows, the header row's texts and which optional columns it has. */
export interface TrackingSheet {
  rows: SheetRow[];
  headers: string[];
  hasCourierColumn: boolean;
  hasParcelColumn: boolean;
}

const textsOf = (row: XlsxRow) => row.columns().flatMap((col) => cellText(row.valueAt(col)).text ?? []);

/**
 * The data rows of an upload, below its header row: the first row (within the first 10 of a sheet,
 * sheets in workbook order) naming the required columns. Cells are read as text whatever their
 * type (a number cell keeps every digit it still has; the caller refuses tracking numbers whose
 * digits may be lost). Rows with none of these cells filled are left out: an order file has
 * other columns, and blank lines between blocks are common. The rows are read as the sheet is:
 * a sheet is left after its 10th row when it has no header, and the upload is refused at the first
 * row past the limit, without reading further.
 */
export async function readTrackingSheet(body: unknown): Promise<TrackingSheet> {
  const workbook = await openWorkbook(body);
  let foundInFirstRow: string[] = [];
  for (const [index, sheet] of workbook.sheets.entries()) {
    let columnOf: ColumnsOf | null = null;
    let headers: string[] = [];
    const rows: SheetRow[] = [];
    await workbook.readSheet(sheet, (row) => {
      if (index === 0 && row.number === 1) foundInFirstRow = textsOf(row).slice(0, 50);
      if (!columnOf) {
        columnOf = row.number <= HEADER_SEARCH_ROWS ? headerIn(row) : null;
        if (columnOf) headers = textsOf(row).slice(0, 100);
        return row.number < HEADER_SEARCH_ROWS || columnOf !== null;
      }
      const found = columnOf;
      const cell = (name: ColumnName): CellText => {
        const col = found[name];
        return col === undefined ? { text: null, fromNumber: false } : cellText(row.valueAt(col));
      };
      const cells = {
        orderNumber: cell('orderNumber'),
        itemNumber: cell('itemNumber'),
        courier: cell('courier'),
        trackingNumber: cell('trackingNumber'),
        parcelNumber: cell('parcelNumber'),
      };
      if (COLUMN_NAMES.every((n) => cells[n].text === null)) return true;
      rows.push({ row: row.number, cells });
      if (rows.length > TRACKING_IMPORT_MAX_ROWS) throw new AppError('EXCEL_TOO_MANY_ROWS', { max: TRACKING_IMPORT_MAX_ROWS, rows: rows.length });
      return true;
    });
    const found = columnOf as ColumnsOf | null;
    if (found) return { rows, headers, hasCourierColumn: found.courier !== undefined, hasParcelColumn: found.parcelNumber !== undefined };
  }
  const required = COLUMN_NAMES.filter((n) => TRACKING_IMPORT_COLUMNS[n].required).map((n) => TRACKING_IMPORT_COLUMNS[n].ko);
  throw new AppError('EXCEL_HEADER_MISSING', { required, foundInFirstRow });
}

/**
 * The upload template: the four columns as text cells (typed numbers stay text, leading zeros and
 * all), one example row (to be overwritten; as it stands it names no order), and the couriers the
 * upload accepts on a second sheet.
 */
export async function trackingTemplate(lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'ko' ? '송장등록' : 'Tracking numbers', { views: [{ state: 'frozen', ySplit: 1 }] });
  const c = TRACKING_IMPORT_COLUMNS;
  sheet.columns = [
    { header: c.orderNumber[lang], key: 'orderNumber', width: 22, style: { numFmt: '@' } },
    { header: c.itemNumber[lang], key: 'itemNumber', width: 12, style: { numFmt: '@' } },
    { header: c.courier[lang], key: 'courier', width: 16, style: { numFmt: '@' } },
    { header: c.trackingNumber[lang], key: 'trackingNumber', width: 22, style: { numFmt: '@' } },
  ];
  sheet.getRow(1).font = { bold: true };
  // marked as an example so that it can never name a real order (a shop without a prefix has 20261126-0000001)
  sheet.addRow({ orderNumber: lang === 'ko' ? '(예시) 20261126-0000001' : '(example) 20261126-0000001', itemNumber: '', courier: 'CJ대한통운', trackingNumber: '640123456789' });

  const couriers = workbook.addWorksheet(lang === 'ko' ? '택배사 목록' : 'Couriers');
  couriers.columns = [
    { header: lang === 'ko' ? '택배사' : 'Courier', key: 'name', width: 20 },
    { header: lang === 'ko' ? '코드' : 'Code', key: 'code', width: 12 },
    { header: 'English', key: 'en', width: 28 },
  ];
  couriers.getRow(1).font = { bold: true };
  for (const courier of COURIERS) couriers.addRow({ name: courier.ko, code: courier.code, en: courier.en });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
