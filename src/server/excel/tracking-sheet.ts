import ExcelJS from 'exceljs';
import { TRACKING_IMPORT_COLUMNS, TRACKING_IMPORT_MAX_ROWS } from '../../contracts/excel';
import { COURIERS } from '../../domain/couriers';
import { cellText, type CellText } from '../../domain/spreadsheet-values';
import { AppError, type Lang } from '../http/errors';

type ColumnName = keyof typeof TRACKING_IMPORT_COLUMNS;
const COLUMN_NAMES = Object.keys(TRACKING_IMPORT_COLUMNS) as ColumnName[];

/** One data row of an upload: the row number Excel shows and the four cells as text. */
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

async function loadWorkbook(body: unknown): Promise<ExcelJS.Workbook> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('EXCEL_FILE_INVALID', { reason: 'the request body is not a file (send the .xlsx bytes as the body)' });
  if (body.subarray(0, 4).equals(OLE)) throw new AppError('EXCEL_FILE_INVALID', { reason: 'an Excel 97-2003 .xls file: save it as .xlsx' });
  if (!body.subarray(0, 4).equals(ZIP)) throw new AppError('EXCEL_FILE_INVALID', { reason: 'not an .xlsx file' });
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its Buffer as an ArrayBuffer; it reads Node buffers (JSZip underneath)
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new AppError('EXCEL_FILE_INVALID', { reason: 'the .xlsx file could not be read', cause: error instanceof Error ? error.message : String(error) });
  }
  return workbook;
}

/** The first row (of the first sheet that has one) naming the required columns, with where each column is. */
function findHeader(workbook: ExcelJS.Workbook): { sheet: ExcelJS.Worksheet; headerRow: number; columnOf: Partial<Record<ColumnName, number>> } {
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
      const columnOf: Partial<Record<ColumnName, number>> = {};
      sheet.getRow(r).eachCell((cell, col) => {
        const text = cellText(cell.value).text;
        const name = text === null ? undefined : HEADER_NAMES.get(headerKey(text));
        if (name && columnOf[name] === undefined) columnOf[name] = col;
      });
      if (COLUMN_NAMES.every((n) => !TRACKING_IMPORT_COLUMNS[n].required || columnOf[n] !== undefined)) return { sheet, headerRow: r, columnOf };
    }
  }
  const first = workbook.worksheets[0];
  const found: string[] = [];
  first?.getRow(1).eachCell((cell) => {
    const text = cellText(cell.value).text;
    if (text !== null) found.push(text);
  });
  const required = COLUMN_NAMES.filter((n) => TRACKING_IMPORT_COLUMNS[n].required).map((n) => TRACKING_IMPORT_COLUMNS[n].ko);
  throw new AppError('EXCEL_HEADER_MISSING', { required, foundInFirstRow: found.slice(0, 50) });
}

/**
 * The data rows of an upload, below its header row. Cells are read as text whatever their type
 * (a number cell keeps every digit it still has; the caller refuses tracking numbers whose digits
 * may be lost). Rows with none of the four cells filled are left out: an order file has other
 * columns, and blank lines between blocks are common.
 */
export async function readTrackingSheet(body: unknown): Promise<SheetRow[]> {
  const { sheet, headerRow, columnOf } = findHeader(await loadWorkbook(body));
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cell = (name: ColumnName): CellText => {
      const col = columnOf[name];
      return col === undefined ? { text: null, fromNumber: false } : cellText(row.getCell(col).value);
    };
    const cells = { orderNumber: cell('orderNumber'), itemNumber: cell('itemNumber'), courier: cell('courier'), trackingNumber: cell('trackingNumber') };
    if (COLUMN_NAMES.every((n) => cells[n].text === null)) return;
    rows.push({ row: rowNumber, cells });
  });
  if (rows.length > TRACKING_IMPORT_MAX_ROWS) throw new AppError('EXCEL_TOO_MANY_ROWS', { max: TRACKING_IMPORT_MAX_ROWS, rows: rows.length });
  return rows;
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
