import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../http/errors';

/**
 * What a scan reports. Names are local (a namespace prefix such as `x:` is dropped); a
 * self-closing tag is an open followed by a close.
 */
export interface XmlHandler {
  /** `attrs` is the raw attribute text, read with attributesOf when the element matters. */
  open(name: string, attrs: string): void;
  close(name: string): void;
  /** Character data with entities decoded; one text node may arrive in several pieces. */
  text(text: string): void;
  /** True once the handler has what it wants: the scan ends there. */
  readonly done?: boolean;
}

/** Bytes decoded and scanned between two turns of the event loop. */
const WINDOW_BYTES = 64 * 1024;
/** The longest tag (or comment) waited for across windows before the XML is called broken. */
const MAX_TOKEN_CHARS = 1024 * 1024;

const START_TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([^\s>]+)\s*>/y;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const broken = (reason: string) => new AppError('EXCEL_FILE_INVALID', { reason: `broken XML in the workbook: ${reason}` });
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name] ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The attributes of a start tag by local name (`r:id` is `id`), values decoded. */
export function attributesOf(raw: string): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  if (raw === '') return out;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(raw); m; m = ATTRIBUTE.exec(raw)) {
    const name = localName(m[1] ?? '');
    if (name !== '__proto__') out[name] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** Space, '/', '>' and tab, CR, LF (and the other control characters) end a tag's name. */
const endsName = (c: number) => c === 0x20 || c === 0x2f || c === 0x3e || c <= 0x0d;

/**
 * Whether the first '>' after `<` ends the tag: no single quotes and an even number of double
 * quotes before it (so it is not inside a value). Tags as workbook writers write them are; others
 * are matched quote by quote.
 */
function plainTag(s: string, from: number, gt: number): boolean {
  let quotes = 0;
  for (let k = from; k < gt; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x22) quotes += 1;
    else if (c === 0x27) return false;
  }
  return quotes % 2 === 0;
}

/**
 * Scans `s` from `i`; answers where it stopped (the start of a token that is not complete yet,
 * unless `last`). Text without a '<' after it is reported at once, up to an entity that may be cut.
 */
function scanWindow(s: string, from: number, last: boolean, handler: XmlHandler): number {
  let i = from;
  while (i < s.length && !handler.done) {
    const lt = s.indexOf('<', i);
    if (lt === -1) {
      const amp = last ? -1 : s.lastIndexOf('&');
      const cut = amp >= i && !s.includes(';', amp) ? amp : s.length;
      if (cut > i) handler.text(decodeEntities(s.slice(i, cut)));
      return cut;
    }
    if (lt > i) handler.text(decodeEntities(s.slice(i, lt)));
    i = lt;
    if (s.startsWith('</', i)) {
      END_TAG.lastIndex = i;
      const m = END_TAG.exec(s);
      if (!m) return i;
      handler.close(localName(m[1] ?? ''));
      i = END_TAG.lastIndex;
    } else if (s.startsWith('<?', i) || s.startsWith('<!--', i)) {
      const end = s.indexOf(s[i + 1] === '?' ? '?>' : '-->', i + 2);
      if (end === -1) return i;
      i = end + (s[i + 1] === '?' ? 2 : 3);
    } else if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i + 9);
      if (end === -1) return i;
      handler.text(s.slice(i + 9, end));
      i = end + 3;
    } else if (s.startsWith('<!', i)) {
      // a DOCTYPE (entity declarations) has no place in a workbook part
      if (s.length - i < 9 && !last) return i;
      throw broken('a DOCTYPE or an unknown declaration');
    } else {
      let end = s.indexOf('>', i + 1);
      if (end === -1) return i;
      if (!plainTag(s, i, end)) {
        START_TAG.lastIndex = i;
        if (!START_TAG.exec(s)) return i;
        end = START_TAG.lastIndex - 1;
      }
      let nameEnd = i + 1;
      while (nameEnd < end && !endsName(s.charCodeAt(nameEnd))) nameEnd += 1;
      const selfClosing = s.charCodeAt(end - 1) === 0x2f;
      const name = localName(s.slice(i + 1, nameEnd));
      handler.open(name, s.slice(nameEnd, selfClosing ? end - 1 : end));
      if (selfClosing) handler.close(name);
      i = end + 1;
    }
  }
  return i;
}

/** A place in a part read as chunks. */
export interface ChunkPosition {
  chunk: number;
  offset: number;
}

/**
 * Reads XML from its bytes (the chunks a part inflated in), 64 KB at a time, letting the event
 * loop turn between windows: a part of tens of megabytes never holds up other requests for more
 * than a moment. Well-formedness is not checked beyond what reading needs (tags that do not close
 * are the handler's business); a token that never completes is EXCEL_FILE_INVALID.
 */
export async function scanXml(chunks: readonly Buffer[], handler: XmlHandler, from: ChunkPosition = { chunk: 0, offset: 0 }): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let first = true;
  for (let c = from.chunk; c < chunks.length && !handler.done; c++) {
    const chunk = chunks[c] ?? Buffer.alloc(0);
    for (let at = c === from.chunk ? from.offset : 0; at < chunk.length && !handler.done; at += WINDOW_BYTES) {
      const last = c === chunks.length - 1 && at + WINDOW_BYTES >= chunk.length;
      let s = pending + decoder.write(chunk.subarray(at, at + WINDOW_BYTES)) + (last ? decoder.end() : '');
      if (first && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
      const stop = scanWindow(s, 0, last, handler);
      pending = s.slice(stop);
      if (pending.length > MAX_TOKEN_CHARS || (last && pending !== '' && !handler.done)) throw broken('a tag that does not end');
      await nextTurn();
    }
  }
}

/** Where the last `needle` in the chunks ends, or null (a match may run over several chunks). */
export function endOfLast(chunks: readonly Buffer[], needle: string): ChunkPosition | null {
  const n = Buffer.from(needle);
  const starts: number[] = [];
  let total = 0;
  for (const chunk of chunks) {
    starts.push(total);
    total += chunk.length;
  }
  const positionOf = (end: number): ChunkPosition => {
    let c = starts.length - 1;
    while (c > 0 && (starts[c] ?? 0) > end) c -= 1;
    return { chunk: c, offset: end - (starts[c] ?? 0) };
  };
  // the first n-1 bytes after the chunk being searched: a match starting in it may end there
  let after = Buffer.alloc(0);
  for (let c = chunks.length - 1; c >= 0; c--) {
    const chunk = chunks[c] ?? Buffer.alloc(0);
    const tail = chunk.subarray(Math.max(0, chunk.length - n.length + 1));
    const seam = Buffer.concat([tail, after]).lastIndexOf(n);
    if (seam !== -1) return positionOf((starts[c] ?? 0) + chunk.length - tail.length + seam + n.length);
    const at = chunk.lastIndexOf(n);
    if (at !== -1) return positionOf((starts[c] ?? 0) + at + n.length);
    after = Buffer.concat([chunk.subarray(0, n.length - 1), after]).subarray(0, n.length - 1);
  }
  return null;
}
