import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/** Deeper than any request of ours; deeper input is refused rather than walked (or recursed into by a validator). */
const MAX_DEPTH = 32;

/**
 * Characters no field may hold: NUL (PostgreSQL text cannot store it), the other C0 controls but
 * tab, line feed and carriage return, and U+FFFE/U+FFFF (an Excel export could not write them: XML
 * 1.0 forbids them). Unpaired surrogates are found by isWellFormed (UTF-8 cannot encode them, so
 * the driver would silently store U+FFFD instead).
 */
// eslint-disable-next-line no-control-regex
const UNUSABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function badCharacterIn(text: string): string | null {
  const found = UNUSABLE.exec(text);
  if (found) return `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return text.isWellFormed() ? null : 'unpaired surrogate';
}

/** Text a column can store and an export can write; for strings that bypassed the guard (decoded from a cursor). */
export const isUsableText = (text: string): boolean => badCharacterIn(text) === null;

const pathOf = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent}[${key}]` : `${parent}.${key}`);

/**
 * Walks a parsed request part without recursion (a hostile body may nest thousands deep) and
 * throws the first unusable character or excessive nesting with where it was.
 */
export function checkInput(root: string, value: unknown): void {
  const stack: Array<{ path: string; value: unknown; depth: number }> = [{ path: root, value, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { path, value: v, depth } = next;
    if (typeof v === 'string') {
      const bad = badCharacterIn(v);
      if (bad) throw new AppError('INVALID_CHARACTERS', { path, character: bad });
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_DEPTH) throw new AppError('VALIDATION_FAILED', { path, reason: `nested deeper than ${MAX_DEPTH} levels` });
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ path: pathOf(path, i), value: item, depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(v)) {
      const bad = badCharacterIn(key);
      if (bad) throw new AppError('INVALID_CHARACTERS', { path: pathOf(path, '(key)'), character: bad });
      stack.push({ path: pathOf(path, key), value: item, depth: depth + 1 });
    }
  }
}

/**
 * One guard for every route, before any schema or handler sees the request: the body, the query
 * string and the path parameters are checked for characters that could not be stored or exported.
 * Raw bodies (an uploaded .xlsx) are bytes, not text, and are left to their reader.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    checkInput('params', request.params);
    checkInput('query', request.query);
    checkInput('body', request.body);
  });
}
