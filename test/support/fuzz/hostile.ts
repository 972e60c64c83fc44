import type { Rng } from './random';

/** JSON text written into a body as is: numbers JSON.stringify cannot write (1e309, 2^63), nesting it would recurse on. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold RawJson pieces; strings are escaped as JSON.stringify does (lone surrogates as \udXXX). */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface Hostile {
  label: string;
  value: unknown;
  /** A server may rightly accept it (text that merely looks like an attack is still text). */
  mayPass?: boolean;
}

const MB = 1024 * 1024;

/** Strings that can be stored, but look like an attack on something downstream. */
export const INJECTIONS: Hostile[] = [
  "'; drop table orders; --",
  '1; drop table orders',
  "' OR '1'='1",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{"$ne":null}',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%s%s%s%n',
  '\\',
  '100%_\\%',
  '=HYPERLINK("http://evil.example","x")',
  '\u202Eevil\u202C',
  '😀👍🏽👨‍👩‍👧',
  'Z\u0351\u0358\u035Da\u0352\u0310lgo',
  '\u200B\uFEFF',
  'null',
  'NaN',
  '-0',
].map((s) => ({ label: `injection ${JSON.stringify(s).slice(0, 30)}`, value: s, mayPass: true }));

/** Characters no field may hold (the input guard refuses them). */
export const BAD_CHARACTERS: Hostile[] = [
  { label: 'NUL byte', value: 'a\u0000b' },
  { label: 'only NUL', value: '\u0000' },
  { label: 'BEL control', value: 'ring\u0007' },
  { label: 'ESC sequence', value: '\u001b[31mred' },
  { label: 'vertical tab', value: 'a\u000Bb' },
  { label: 'U+FFFF', value: 'x\uFFFF' },
  { label: 'U+FFFE', value: '\uFFFEx' },
  { label: 'unpaired high surrogate', value: 'a\uD800b' },
  { label: 'unpaired low surrogate', value: '\uDC00' },
  { label: 'reversed surrogate pair', value: '\uDE00\uD83D' },
];

/** Numbers and number-like things no id, amount or quantity is. */
export const BAD_NUMBERS: Hostile[] = [
  { label: '0', value: 0 },
  { label: '-1', value: -1 },
  { label: 'fraction 1.5', value: 1.5 },
  { label: '-0.0001', value: -0.0001 },
  { label: '2^53+1', value: new RawJson('9007199254740993') },
  { label: '2^63', value: new RawJson('9223372036854775808') },
  { label: '1e309 (Infinity)', value: new RawJson('1e309') },
  { label: '-1e309', value: new RawJson('-1e309') },
  { label: '1e-400', value: new RawJson('1e-400') },
  { label: 'huge digits', value: new RawJson('9'.repeat(400)) },
  { label: 'number as string', value: '12' },
  { label: 'NaN string', value: 'NaN' },
  { label: 'Infinity string', value: 'Infinity' },
  { label: 'sql in number', value: '1; drop table orders' },
  { label: 'hex string', value: '0x10' },
];

/** One value of every JSON type, for "wrong type" mutations. */
export const OF_EACH_TYPE: Hostile[] = [
  { label: 'null', value: null },
  { label: 'true', value: true },
  { label: 'number 7', value: 7 },
  { label: 'string', value: 'seven' },
  { label: 'empty string', value: '' },
  { label: 'empty array', value: [] },
  { label: 'array of strings', value: ['a', 'b'] },
  { label: 'empty object', value: {} },
  { label: 'object', value: { a: 1 } },
];

export function nested(depth: number, kind: 'array' | 'object'): RawJson {
  return kind === 'array' ? new RawJson('['.repeat(depth) + ']'.repeat(depth)) : new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
}

/** Big or deep values: walked, parsed or stored, they must not bring the server down. */
export function structural(rng: Rng): Hostile {
  return rng.pick<() => Hostile>([
    () => ({ label: 'nested arrays, depth 40', value: nested(40, 'array') }),
    () => ({ label: 'nested objects, depth 40', value: nested(40, 'object') }),
    () => ({ label: 'nested arrays, depth 10,000', value: nested(10_000, 'array') }),
    () => ({ label: 'nested objects, depth 5,000', value: nested(5_000, 'object') }),
    () => ({ label: 'array of 100k numbers', value: new RawJson(`[${new Array(100_000).fill('1').join(',')}]`) }),
    () => ({ label: 'array of 100k objects', value: new RawJson(`[${new Array(100_000).fill('{"itemId":1,"quantity":1}').join(',')}]`) }),
    () => ({ label: 'object of 20k keys', value: new RawJson(`{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`) }),
    () => ({ label: '1 MB string', value: 'a'.repeat(MB) }),
    () => ({ label: '300 KB Korean string', value: '가'.repeat(100_000) }),
  ])();
}

/** Property names that mean something to a parser or an ORM. */
export const ODD_KEYS: Hostile[] = [
  { label: '__proto__ key', value: '__proto__' },
  { label: 'constructor.prototype', value: 'constructor' },
  { label: 'prototype key', value: 'prototype' },
  { label: '$where key', value: '$where' },
  { label: 'empty key', value: '' },
  { label: 'NUL in key', value: 'ke\u0000y' },
  { label: '1,000-char key', value: 'k'.repeat(1000) },
  { label: 'extra key', value: 'unexpectedField' },
];

/** Bodies that are not JSON, or not what JSON.parse should take. */
export const BAD_JSON: Array<{ label: string; bytes: Buffer }> = [
  ['unclosed object', '{'],
  ['missing value', '{"a":}'],
  ['single quotes', "{'a':1}"],
  ['trailing comma', '{"a":1,}'],
  ['bare NaN', '{"a":NaN}'],
  ['comment', '{"a":1 /* x */}'],
  ['trailing garbage', '{}x'],
  ['two documents', '{}{}'],
  ['undefined', 'undefined'],
  ['raw NUL in string', '{"a":"x\u0000y"}'],
  ['raw newline in string', '{"a":"x\ny"}'],
  ['__proto__ pollution', '{"__proto__":{"isAdmin":true}}'],
  ['constructor pollution', '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ['BOM before JSON', '\uFEFF{}'],
].map(([label, text]) => ({ label: label!, bytes: Buffer.from(text!, 'utf8') }));

export const BAD_BYTES: Array<{ label: string; bytes: Buffer }> = [
  { label: 'invalid UTF-8', bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { label: 'UTF-16LE JSON', bytes: Buffer.from('{"a":"가"}', 'utf16le') },
  { label: 'overlong UTF-8 NUL', bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0x80, 0x22, 0x7d]) },
  { label: 'encoded lone surrogate', bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]) },
];

/** Values for a path parameter (written into the URL as given: some are deliberately mis-encoded). */
export const BAD_PATH_VALUES: Hostile[] = [
  '0', '-1', '1.5', '1e3', '9223372036854775808', '1e309', '1;%20drop%20table%20orders', 'abc', 'NaN', 'Infinity', '0x10', '%201', '1%20',
  '%00', '1%00', '%E0%A4%A', '%', '%ZZ', '%C0%80', '%ED%A0%80', '%EF%BF%BF', '%2F', '..%2F..%2Fetc', '%F0%9F%98%80', '${x}', '1,2', '[1]',
].map((v) => ({ label: `path value ${v}`, value: v }));

/** Query-string values, raw (already percent-encoded or deliberately not). */
export const BAD_QUERY_VALUES: Hostile[] = [
  ...BAD_PATH_VALUES.map((h) => ({ label: h.label.replace('path', 'query'), value: h.value })),
  { label: 'query 2,000 chars', value: 'q'.repeat(2000) },
  { label: 'query empty', value: '' },
  { label: 'query html', value: '%3Cscript%3Ealert(1)%3C%2Fscript%3E', mayPass: true },
  { label: 'query sql', value: "'%20OR%20'1'%3D'1", mayPass: true },
  { label: 'query raw +', value: 'a+b', mayPass: true },
];

/** Instants the schema's pattern allows that a timestamp column or Date arithmetic may not (year 0, year 10000 by the offset, before 1900). */
export const ODD_DATE_TIMES: Hostile[] = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+09:00',
  '0099-12-31T23:59:59Z',
  '1899-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
  '2038-01-19T03:14:08Z',
  '2026-11-26T10:15:00.123456789+09:00',
  '2026-11-26T10:15:00-23:59',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59-14:00',
].map((v) => ({ label: `date-time ${v}`, value: v, mayPass: true }));

/** Calendar days at the edges of what four-digit years and Date.UTC (two-digit years are 19xx) handle. */
export const ODD_DAYS: Hostile[] = ['0000-01-01', '0001-01-01', '0099-12-31', '1899-12-31', '1970-01-01', '2000-02-29', '9998-12-31', '9999-12-31'].map((v) => ({
  label: `day ${v}`,
  value: v,
  mayPass: true,
}));

/** Integers a schema may allow that a 32-bit column or a sum of them may not. */
export const EDGE_INTEGERS = [2 ** 31 - 1, 2 ** 31, 2 ** 32, 1_000_000_000_000, Number.MAX_SAFE_INTEGER];
