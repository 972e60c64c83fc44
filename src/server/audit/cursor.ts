import { AppError } from '../http/errors';

/**
 * The logs page by id, newest first; the cursor is opaque like the order list's (base64url JSON),
 * so a client never builds one, and a forged one is refused before it reaches SQL.
 */
export function encodeLogCursor(id: number): string {
  return Buffer.from(JSON.stringify({ i: id })).toString('base64url');
}

export function decodeLogCursor(value: string | undefined): { beforeId?: number } {
  if (value === undefined) return {};
  let body: { i?: unknown } = {};
  try {
    body = JSON.parse(Buffer.from(value, 'base64url').toString()) as { i?: unknown };
  } catch {
    // falls through to the refusal below
  }
  if (typeof body !== 'object' || body === null || typeof body.i !== 'number' || !Number.isSafeInteger(body.i) || body.i < 1) {
    throw new AppError('VALIDATION_FAILED', { field: 'cursor', reason: 'not a cursor of this log' });
  }
  return { beforeId: body.i };
}
