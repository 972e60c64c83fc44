import { crc32, deflateRawSync } from 'node:zlib';

/**
 * .xlsx files written by hand, for what exceljs will not write: parts in Excel's order (the sheet
 * before the shared strings), and zip bombs whose entries declare a size they do not have.
 */
export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** The uncompressed size the entry claims (default: the true one). */
  declaredSize?: number;
  /** Stored as is rather than deflated (zip method 0). */
  stored?: boolean;
}

/** A zip of the parts, in the order given. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data);
    const packed = part.stored ? data : deflateRawSync(data);
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(part.declaredSize ?? data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    local.copy(entry, 8, 6, 26);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A row of inline-string cells from column A; null leaves a cell out. */
export function rowXml(row: number, cells: Array<string | null>): string {
  const c = cells.map((text, i) => (text === null ? '' : `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`));
  return `<row r="${row}">${c.join('')}</row>`;
}

/** A worksheet part around its <sheetData> content (and what follows it, such as <mergeCells>). */
export const sheetXml = (rows: string, after = '') => `${XML}<worksheet ${MAIN}><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** A shared string table of these strings, in order. */
export const sharedStringsXml = (strings: string[]) => `${XML}<sst ${MAIN} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join('')}</sst>`;

/**
 * A workbook of these sheets, parts in the order Excel writes them: the sheets, then the shared
 * strings (when given). `sheets` are sheet parts as sheetXml makes them, or the bytes to store.
 */
export function workbookOf(sheets: Array<ZipPart['data']>, options: { sharedStrings?: ZipPart['data']; declaredSizes?: number; stored?: boolean } = {}): Buffer {
  const names = sheets.map((_, i) => `Sheet${i + 1}`);
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (options.sharedStrings !== undefined) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>` },
    { name: '_rels/.rels', data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `${XML}<workbook ${MAIN}><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    ...sheets.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data, declaredSize: options.declaredSizes })),
  ];
  if (options.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: options.sharedStrings, declaredSize: options.declaredSizes });
  return zipOf(parts.map((p) => ({ ...p, stored: options.stored })));
}
