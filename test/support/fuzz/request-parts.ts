import { BAD_BYTES, BAD_JSON, BAD_PATH_VALUES, BAD_QUERY_VALUES, jsonText, type Hostile } from './hostile';
import type { Route } from './openapi';
import type { ProtocolTwist } from './protocol';
import type { Rng } from './random';

/** Who a request claims to be; all but `owner` and `api` should be refused by most routes. */
export type Auth = 'owner' | 'api' | 'viewer' | 'anonymous' | 'otherShop' | 'noCsrf' | 'crossOrigin' | 'junkSession';

/** One request as sent: raw target, header list and bytes, so a replay sends exactly the same. */
export interface RequestSpec {
  method: string;
  /** Path and query, as written on the request line (already percent-encoded, or deliberately not). */
  target: string;
  headers: Array<[string, string]>;
  body?: Buffer;
  auth: Auth;
  /** Sent over a bare socket with this twist of the protocol itself. */
  protocol?: ProtocolTwist;
}

/** A mutation of the request: what it did, and whether a correct server may still accept it. */
export interface Mutation {
  label: string;
  mayPass: boolean;
  /** Why accepting it would be a bug (a schema that does not hold), when it would. */
  mustRefuse?: string;
}

export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** UTF-8 bytes as a header value (Node only sends Latin-1 header text): non-ASCII as a browser sends it. */
export const utf8Header = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

export function pickAuth(rng: Rng): Auth {
  const roll = rng.next();
  if (roll < 0.65) return 'owner';
  if (roll < 0.85) return 'api';
  if (roll < 0.9) return 'viewer';
  if (roll < 0.93) return 'anonymous';
  if (roll < 0.96) return 'otherShop';
  if (roll < 0.975) return 'noCsrf';
  if (roll < 0.99) return 'crossOrigin';
  return 'junkSession';
}

export function setHeader(spec: RequestSpec, name: string, value: string | undefined) {
  spec.headers = spec.headers.filter(([n]) => n.toLowerCase() !== name);
  if (value !== undefined) spec.headers.push([name, value]);
}

export function jsonBody(spec: RequestSpec, value: unknown) {
  spec.body = Buffer.from(jsonText(value), 'utf8');
  setHeader(spec, 'content-type', 'application/json');
}

const CONTENT_TYPES: Array<{ type: string | undefined; mayPass: boolean }> = [
  { type: 'text/plain', mayPass: false },
  { type: 'text/plain; charset=utf-8', mayPass: false },
  { type: 'multipart/form-data; boundary=----fuzz', mayPass: false },
  { type: 'application/xml', mayPass: false },
  { type: 'application/x-www-form-urlencoded', mayPass: false },
  { type: 'application/json; charset=utf-16', mayPass: false },
  { type: 'application/json; charset=latin1', mayPass: false },
  { type: 'application/vnd.api+json', mayPass: false },
  { type: 'text/json', mayPass: false },
  { type: 'application/octet-stream', mayPass: false },
  { type: '', mayPass: false },
  { type: 'application/json;;;', mayPass: true },
  { type: 'Application/JSON', mayPass: true },
  { type: 'application/json; charset=utf-8', mayPass: true },
  { type: undefined, mayPass: false },
];

/** The JSON body sent with another (or no) content type. */
export function contentTypeMutation(spec: RequestSpec, rng: Rng): Mutation {
  const choice = rng.pick(CONTENT_TYPES);
  setHeader(spec, 'content-type', choice.type);
  if (choice.type === 'multipart/form-data; boundary=----fuzz' && rng.chance(0.5)) {
    spec.body = Buffer.from('------fuzz\r\nContent-Disposition: form-data; name="body"\r\n\r\n' + (spec.body?.toString() ?? '{}') + '\r\n------fuzz--\r\n');
  }
  if (choice.type === 'application/xml') spec.body = Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><order>&e;</order>');
  return { label: `content-type ${JSON.stringify(choice.type ?? '(none)')}`, mayPass: choice.mayPass };
}

/** A body that is not (usable) JSON, sent as JSON. */
export function badJsonMutation(spec: RequestSpec, rng: Rng): Mutation {
  const choice = rng.chance(0.75) ? rng.pick(BAD_JSON) : rng.pick(BAD_BYTES);
  spec.body = choice.bytes;
  setHeader(spec, 'content-type', 'application/json');
  return { label: `body ${choice.label}`, mayPass: false };
}

/** Some body where the route takes none (or bytes where it takes .xlsx). */
export function garbageBodyMutation(spec: RequestSpec, rng: Rng, xlsx: Buffer): Mutation {
  const kind = rng.int(0, 4);
  if (kind === 0) {
    jsonBody(spec, { unexpected: true, orderIds: [1, 2, 3] });
    return { label: 'JSON body on a body-less route', mayPass: true };
  }
  if (kind === 1) return badJsonMutation(spec, rng);
  const corrupt = Buffer.from(xlsx);
  for (let i = 0; i < 20; i++) corrupt[rng.int(0, corrupt.length - 1)] = rng.int(0, 255);
  const bytes = kind === 2 ? corrupt : kind === 3 ? xlsx.subarray(0, rng.int(0, xlsx.length - 1)) : Buffer.from(Array.from({ length: rng.int(0, 4096) }, () => rng.int(0, 255)));
  spec.body = bytes;
  setHeader(spec, 'content-type', rng.pick(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream']));
  return { label: ['', '', 'corrupted .xlsx bytes', 'truncated .xlsx', 'random bytes'][kind]!, mayPass: true };
}

export function pathValueMutation(route: Route, values: Record<string, string>, rng: Rng): Mutation {
  const names = Object.keys(values);
  const name = rng.pick(names);
  const roll = rng.next();
  let chosen: Hostile;
  if (roll < 0.15) chosen = { label: `1,000-char ${name}`, value: rng.pick(['1', 'a', '%41']).repeat(1000) };
  else if (roll < 0.25) chosen = { label: `missing ${name} 987654321`, value: '987654321' };
  else chosen = rng.pick(BAD_PATH_VALUES);
  values[name] = String(chosen.value);
  return { label: `${name}: ${chosen.label}`, mayPass: route.path.includes('payment-webhooks') };
}

export function queryMutation(route: Route, query: Array<[string, string]>, rng: Rng): Mutation {
  const declared = route.params.filter((p) => p.in === 'query').map((p) => p.name);
  const name = declared.length > 0 ? rng.pick(declared) : 'keyword';
  const kind = rng.int(0, 3);
  if (kind === 0) {
    const bad = rng.pick(BAD_QUERY_VALUES);
    query.push([name, String(bad.value)]);
    return { label: `query ${name}=${bad.label}`, mayPass: true };
  }
  if (kind === 1) {
    query.push([name, '1'], [name, '2'], [name, 'x']);
    return { label: `duplicated query ${name}`, mayPass: true };
  }
  if (kind === 2) {
    const unknown = rng.pick(['foo=bar', '__proto__=1', '__proto__[isAdmin]=1', 'constructor[prototype][x]=1', 'a[b]=c', `${name}[]=1`, 'limit=1&limit=1000000']);
    const [key = '', value = ''] = unknown.split('=');
    query.push([key, value]);
    return { label: `unknown query ${unknown}`, mayPass: true };
  }
  query.push([rng.pick(['%', '%E0%A4%A', '%00', '%ZZ', '', 'a=b=c']), rng.pick(['%', '%00', '%FF', '1'])]);
  return { label: 'malformed query string', mayPass: true };
}

const ACCEPT_LANGUAGES = ['', '*', 'en', 'EN-us', 'en;q=abc', 'zz', ',,,', ';q=1', utf8Header('한국어'), 'en\tko', 'x'.repeat(4000), 'ko-KR,ko;q=0.9,en;q=0.8'];
const IF_MATCH = ['*', '""', '"abc"', 'W/"1"', '"-1"', '"0"', '"1e309"', '"9999999999999999999"', '"1", "2"', 'x'.repeat(3000), '"NaN"', ' "3" ', utf8Header('"버전"')];

export function headerMutation(route: Route, spec: RequestSpec, rng: Rng): Mutation {
  const declaresKey = route.params.some((p) => p.in === 'header' && p.name === 'idempotency-key');
  const kind = rng.int(0, 2);
  if (kind === 0) {
    const value = rng.pick(ACCEPT_LANGUAGES);
    setHeader(spec, 'accept-language', value);
    return { label: `accept-language ${JSON.stringify(value.slice(0, 20))}`, mayPass: true };
  }
  if (kind === 1) {
    const value = rng.pick(IF_MATCH);
    setHeader(spec, 'if-match', value);
    return { label: `if-match ${JSON.stringify(value.slice(0, 20))}`, mayPass: true };
  }
  const keys: Array<[string, boolean]> = [
    ['', false],
    ['k'.repeat(10 * 1024), false],
    ['k'.repeat(201), false],
    [utf8Header('주문-키-한글'), true],
    [' ', true],
    ['a\tb', true],
    ['fuzz-reused-key', true],
  ];
  const [value, valid] = rng.pick(keys);
  setHeader(spec, 'idempotency-key', value);
  return { label: `idempotency-key ${JSON.stringify(value.slice(0, 20))} (${value.length} chars)`, mayPass: valid || !declaresKey };
}
