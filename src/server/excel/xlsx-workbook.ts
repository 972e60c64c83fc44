import { AppError } from '../http/errors';
import { CellTextBuffer, decodeOoxmlEscapes, readSheetRows, type SheetStyles, type XlsxRow } from './xlsx-sheet';
import { attributesOf, scanXml, type XmlHandler } from './xml-scan';
import { ZipArchive } from './zip-archive';

/**
 * An .xlsx read with a budget: the parts the reader needs, in the order it needs them, inflated in
 * the thread pool and scanned in windows that let other requests through (see ZipArchive and
 * scanXml). Cell values come out as exceljs shapes (string, number, boolean, Date, { error }), so
 * what an upload accepted when exceljs read it whole is what it accepts now.
 */
export interface XlsxSheet {
  name: string;
  part: string;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

const relType = (type: string | undefined) => (type ?? '').replace(REL, '').replace(STRICT_REL, '');

/** Where a relationship's target is, from the part that names it ("worksheets/sheet1.xml" from xl/workbook.xml). */
function resolvePart(from: string, target: string): string {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') base.pop();
    else if (piece !== '.' && piece !== '') base.push(piece);
  }
  return base.join('/');
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** Collects the attributes of every element named `name`. */
function elementsNamed(name: string): XmlHandler & { found: Array<Partial<Record<string, string>>> } {
  const found: Array<Partial<Record<string, string>>> = [];
  return { found, open: (n, attrs) => n === name && found.push(attributesOf(attrs)), close: () => undefined, text: () => undefined };
}

/** Excel's built-in number formats that exceljs reads as dates (those with a format of their own in every locale). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's rule for a custom format: a date or time letter outside [..] and "..". */
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Which cell styles (xf indexes of cellXfs) show numbers as dates. */
async function readStyles(xml: readonly Buffer[] | null): Promise<SheetStyles> {
  const custom = new Map<number, string>();
  const dateStyles: boolean[] = [];
  if (xml) {
    let inCellXfs = false;
    await scanXml(xml, {
      open(name, attrs) {
        if (name === 'numFmt') {
          const a = attributesOf(attrs);
          custom.set(Number(a.numFmtId), a.formatCode ?? '');
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attributesOf(attrs).numFmtId ?? 0);
          const code = custom.get(id);
          dateStyles.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text: () => undefined,
    });
  }
  return { dateStyles, date1904: false };
}

/** The shared string table: each <si> as its text, rich text runs joined, phonetic guides (rPh) left out. */
async function readSharedStrings(xml: readonly Buffer[] | null): Promise<string[]> {
  const strings: string[] = [];
  if (!xml) return strings;
  const text = new CellTextBuffer();
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  await scanXml(xml, {
    open(name) {
      if (name === 'si') {
        inItem = true;
        text.take();
      } else if (name === 'rPh') phonetic += 1;
      else if (name === 't') inText = inItem && phonetic === 0;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && inItem) {
        strings.push(decodeOoxmlEscapes(text.take()));
        inItem = false;
      }
    },
    text(t) {
      if (inText) text.push(t);
    },
  });
  return strings;
}

export class XlsxWorkbook {
  private constructor(
    private readonly zip: ZipArchive,
    readonly sheets: XlsxSheet[],
    private readonly styles: SheetStyles,
    private readonly sharedStrings: string[],
  ) {}

  /** Reads the workbook's structure, styles and shared strings (sheets are read one by one, later). */
  static async open(body: Buffer, maxUncompressedBytes: number): Promise<XlsxWorkbook> {
    const zip = ZipArchive.open(body, maxUncompressedBytes);
    const packageRels = elementsNamed('Relationship');
    const rootRels = await zip.read('_rels/.rels');
    if (rootRels) await scanXml(rootRels, packageRels);
    const main = packageRels.found.find((r) => relType(r.Type) === 'officeDocument')?.Target;
    const workbookPart = main ? resolvePart('', main) : 'xl/workbook.xml';
    const workbookXml = await zip.read(workbookPart);
    if (!workbookXml) throw new AppError('EXCEL_FILE_INVALID', { reason: 'not an Excel workbook (no workbook part)' });

    const sheetElements = elementsNamed('sheet');
    let date1904 = false;
    await scanXml(workbookXml, {
      ...sheetElements,
      open(name, attrs) {
        sheetElements.open(name, attrs);
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributesOf(attrs).date1904 ?? '');
      },
    });
    const rels = elementsNamed('Relationship');
    const workbookRels = await zip.read(relsOf(workbookPart));
    if (workbookRels) await scanXml(workbookRels, rels);
    const partOf = (type: string) => {
      const rel = rels.found.find((r) => relType(r.Type) === type && r.TargetMode !== 'External');
      return rel?.Target ? resolvePart(workbookPart, rel.Target) : null;
    };
    const sheets = sheetElements.found.flatMap((s) => {
      const rel = rels.found.find((r) => r.Id === s.id && relType(r.Type) === 'worksheet');
      return rel?.Target ? [{ name: s.name ?? '', part: resolvePart(workbookPart, rel.Target) }] : [];
    });

    const stylesPart = partOf('styles');
    const styles = await readStyles(stylesPart ? await zip.read(stylesPart) : null);
    const stringsPart = partOf('sharedStrings');
    const sharedStrings = await readSharedStrings(stringsPart ? await zip.read(stringsPart) : null);
    return new XlsxWorkbook(zip, sheets, { ...styles, date1904 }, sharedStrings);
  }

  /**
   * Hands the sheet's rows to `onRow` in the order the file has them, until it answers false or
   * the rows end. Rows with no cell at all are not in the file, so they are not handed over.
   */
  async readSheet(sheet: XlsxSheet, onRow: (row: XlsxRow) => boolean): Promise<void> {
    const xml = await this.zip.read(sheet.part);
    if (xml) await readSheetRows(xml, { styles: this.styles, sharedStrings: this.sharedStrings }, onRow);
  }
}
