/**
 * Just enough of a MIME reader for what nodemailer writes, so tests can read a received mail
 * without another dependency: folded headers, RFC 2047 encoded words (UTF-8, B and Q), multipart
 * bodies (nested), base64 and quoted-printable parts. Written apart from nodemailer's own code so
 * a mail it encodes wrongly fails here rather than being decoded by the same mistake.
 */

export interface MimePart {
  /** Lower-cased header names; each header's first occurrence, unfolded and decoded. */
  headers: Record<string, string>;
  contentType: string;
  params: Record<string, string>;
  /** Decoded body of a leaf part (text in its charset); '' for a multipart. */
  body: string;
  parts: MimePart[];
}

export interface ParsedMail {
  headers: Record<string, string>;
  subject: string;
  from: string;
  to: string;
  /** The text/plain and text/html parts (of a multipart/alternative, or the single body). */
  text: string | null;
  html: string | null;
  root: MimePart;
}

function splitHead(raw: string): { head: string; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  if (at < 0) return { head: raw, body: '' };
  const separator = /\r?\n\r?\n/.exec(raw.slice(at))?.[0] ?? '\n\n';
  return { head: raw.slice(0, at), body: raw.slice(at + separator.length) };
}

function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  // a line starting with white space continues the header above it (RFC 5322 folding)
  const unfolded = head.replace(/\r?\n(?=[ \t])/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decodeBytes(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`mail part is not valid ${charset || 'utf-8'}`);
  }
}

function quotedPrintableBytes(text: string, inHeader: boolean): Buffer {
  const source = inHeader ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < source.length; i += 1) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/**
 * RFC 2047: `=?UTF-8?B?…?=` words, where white space between two words is dropped and the bytes
 * of neighbouring words are joined before decoding (an encoder may split a character between them).
 */
export function decodeEncodedWords(value: string): string {
  let out = '';
  // the encoded words read so far and not yet decoded (those since the last plain text)
  const run: { charset: string; bytes: Buffer[] } = { charset: '', bytes: [] };
  let from = 0;
  const flush = () => {
    if (run.bytes.length) out += decodeBytes(Buffer.concat(run.bytes), run.charset);
    run.bytes = [];
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(from, match.index);
    if (!(run.bytes.length && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    // `UTF-8*ko` carries a language (RFC 2231) after the charset
    const charset = (match[1] ?? '').split('*')[0]!.toLowerCase();
    const text = match[3] ?? '';
    const bytes = match[2]?.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintableBytes(text, true);
    if (run.charset !== charset) flush();
    run.charset = charset;
    run.bytes.push(bytes);
    from = match.index + match[0].length;
  }
  flush();
  return out + value.slice(from);
}

/** `text/plain; charset=utf-8; format=flowed` → type and lower-cased parameter names. */
function parseContentType(value: string | undefined): { contentType: string; params: Record<string, string> } {
  const [type, ...rest] = (value ?? 'text/plain; charset=us-ascii').split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { contentType: (type ?? '').trim().toLowerCase(), params };
}

function decodeBody(body: string, encoding: string, charset: string): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return decodeBytes(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
    case 'quoted-printable':
      return decodeBytes(quotedPrintableBytes(body, false), charset);
    default:
      // 7bit / 8bit: the SMTP sink hands the data over as UTF-8 already
      return body;
  }
}

export function parseMimePart(raw: string): MimePart {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const { contentType, params } = parseContentType(headers['content-type']);
  for (const name of ['subject', 'from', 'to', 'cc', 'reply-to']) {
    if (headers[name] !== undefined) headers[name] = decodeEncodedWords(headers[name]);
  }
  if (contentType.startsWith('multipart/') && params.boundary) {
    const delimiter = `--${params.boundary}`;
    const sections = body.split(new RegExp(`(?:^|\\r?\\n)${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // before the first delimiter: the preamble; from `--boundary--` on: the epilogue
    const parts: MimePart[] = [];
    for (const section of sections.slice(1)) {
      if (section.startsWith('--')) break;
      parts.push(parseMimePart(section.replace(/^[ \t]*\r?\n/, '')));
    }
    return { headers, contentType, params, body: '', parts };
  }
  const text = decodeBody(body, headers['content-transfer-encoding'] ?? '7bit', params.charset ?? 'utf-8');
  return { headers, contentType, params, body: text, parts: [] };
}

function firstLeaf(part: MimePart, type: string): MimePart | null {
  if (part.parts.length === 0) return part.contentType === type && !/attachment/i.test(part.headers['content-disposition'] ?? '') ? part : null;
  for (const child of part.parts) {
    const found = firstLeaf(child, type);
    if (found) return found;
  }
  return null;
}

export function parseMail(raw: string): ParsedMail {
  const root = parseMimePart(raw);
  return {
    headers: root.headers,
    subject: root.headers.subject ?? '',
    from: root.headers.from ?? '',
    to: root.headers.to ?? '',
    text: firstLeaf(root, 'text/plain')?.body ?? null,
    html: firstLeaf(root, 'text/html')?.body ?? null,
    root,
  };
}
