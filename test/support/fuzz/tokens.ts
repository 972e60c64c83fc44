import type { Route } from './openapi';
import type { Rng } from './random';
import type { Mutation } from './request-parts';
import type { World } from './world';

/** A page token the server handed out, and the query it belongs to (a cursor names its sort). */
export interface TokenSample {
  query: Array<[string, string]>;
  cursor: string;
}

/** Sorts whose cursors carry each kind of key: a time, a number, a text. */
const SORTS = ['orderedAt:desc', 'totalAmount:desc', 'ordererName:asc', 'paidAt:asc'];

/**
 * Real cursors of every list route that pages with one (a `cursor` query parameter): its first
 * page of one row, under a few sorts where the route sorts. Tampered with, they test what the
 * server does with an opaque token a client forged.
 */
export async function collectCursors(world: World, routes: readonly Route[]): Promise<void> {
  const headers = await world.server.owner.sessionHeaders();
  for (const route of routes.filter((r) => r.method === 'GET' && r.params.some((p) => p.in === 'query' && p.name === 'cursor'))) {
    const sorts = route.params.some((p) => p.name === 'sort') ? SORTS : [undefined];
    for (const sort of sorts) {
      const query: Array<[string, string]> = [['limit', '1'], ...(sort ? [['sort', sort] as [string, string]] : [])];
      const res = await fetch(`${world.server.baseUrl}${route.path}?${new URLSearchParams(query).toString()}`, { headers });
      const body = (await res.json()) as { nextCursor?: unknown };
      if (typeof body.nextCursor === 'string') (world.cursors[route.key] ??= []).push({ query, cursor: body.nextCursor });
    }
  }
}

/** Values a forged cursor field may hold: times and numbers a cast cannot take, unusable text, wrong types. */
const FORGED: unknown[] = [
  '0000-01-01 00:00:00+00',
  '2026-02-30 00:00:00+00',
  '2026-02-01 00:00:00+99',
  '2026-02-01 24:00:00+00',
  'infinity',
  '9999999999999999999',
  '-9223372036854775809',
  '1e309',
  'a\u0000b',
  '\uD800',
  'x'.repeat(600),
  "'; drop table orders; --",
  '',
  -1,
  1.5,
  2 ** 53,
  1e308,
  null,
  {},
  ['a'],
  'asc',
  'orderedAt',
];

/** A real cursor with one field changed, re-encoded as the server encodes them (base64url JSON). */
export function forgedCursorMutation(sample: TokenSample, query: Array<[string, string]>, rng: Rng): Mutation {
  const decoded = JSON.parse(Buffer.from(sample.cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  const field = rng.pick(Object.keys(decoded));
  const value = rng.pick(FORGED);
  decoded[field] = value;
  query.push(...sample.query.filter(([name]) => name !== 'limit'), ['cursor', Buffer.from(JSON.stringify(decoded)).toString('base64url')]);
  return { label: `forged cursor ${field}=${JSON.stringify(value)?.slice(0, 30)}`, mayPass: true };
}
