import { BAD_CHARACTERS, BAD_NUMBERS, EDGE_INTEGERS, INJECTIONS, ODD_DATE_TIMES, ODD_DAYS, ODD_KEYS, OF_EACH_TYPE, RawJson, structural, type Hostile } from './hostile';
import { typeOf, type JsonSchema, type OpenApiDocument, type Route } from './openapi';
import { deriveSeed, Rng } from './random';
import {
  badJsonMutation,
  contentTypeMutation,
  garbageBodyMutation,
  headerMutation,
  jsonBody,
  pathValueMutation,
  pickAuth,
  queryMutation,
  setHeader,
  utf8Header,
  type Mutation,
  type RequestSpec,
} from './request-parts';
import { protocolMutation } from './protocol';
import { SEED_BODIES } from './seed-bodies';
import { forgedCursorMutation } from './tokens';
import { slotsOf, validInstance, withAt, type Generated, type Slot } from './valid-body';
import { idsFor, knowsIds, type World } from './world';

export interface FuzzCase {
  /** `POST /api/v1/orders #12`: names the case in reports (with the seed, it regenerates it). */
  name: string;
  route: Route;
  label: string;
  spec: RequestSpec;
  /** A correct server may accept it; refused ones are checked in batches, these one by one. */
  mayPass: boolean;
  /** Why a success would be a bug (the wrong credentials, another shop's rows), when it would. */
  mustRefuse?: string;
}

/** Routes whose body is not JSON (the OpenAPI document lists no schema for it): the bytes they take. */
const RAW_BODIES: Record<string, (world: World) => { type: string; bytes: Buffer }> = {
  'POST /api/v1/tracking-imports': (world) => ({ type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: world.xlsx }),
};

function fitsNumber(schema: JsonSchema, value: unknown): boolean {
  if (typeof value !== 'number') return false;
  if (typeOf(schema) === 'integer' && !Number.isInteger(value)) return false;
  const min = schema.minimum;
  const max = schema.maximum;
  if (min !== undefined && (schema.exclusiveMinimum === true ? value <= min : value < min)) return false;
  return !(max !== undefined && (schema.exclusiveMaximum === true ? value >= max : value > max));
}

/** A value at the edge of what the field's schema allows: the largest number, the longest text, the most items. */
function edgeFor(slot: Slot, current: unknown, rng: Rng): Hostile | null {
  const { schema } = slot;
  const type = typeOf(schema);
  if (schema.format === 'date-time') return rng.pick(ODD_DATE_TIMES);
  if (schema.format === 'date') return rng.pick(ODD_DAYS);
  if (type === 'integer' || type === 'number') {
    const candidates = [schema.maximum, schema.minimum, ...EDGE_INTEGERS].filter((n): n is number => n !== undefined && fitsNumber(schema, n));
    const value = candidates.length > 0 ? rng.pick(candidates) : undefined;
    return value === undefined ? null : { label: `edge number ${value}`, value, mayPass: true };
  }
  if (type === 'string' && schema.maxLength !== undefined && !schema.pattern && !schema.enum) {
    const max = schema.maxLength;
    const text = rng.pick(['가'.repeat(max), 'a'.repeat(max), '😀'.repeat(Math.floor(max / 2))]);
    return { label: `${max} UTF-16 units (the most allowed)`, value: text, mayPass: text.length >= (schema.minLength ?? 0) };
  }
  if (type === 'array' && Array.isArray(current) && current.length > 0) {
    const count = Math.min(schema.maxItems ?? 1000, 10_000);
    return { label: `${count} items (the most allowed)`, value: Array.from({ length: count }, () => current[0]), mayPass: true };
  }
  return null;
}

/** A hostile value for one field, chosen by what the field is. */
function hostileFor(slot: Slot, current: unknown, rng: Rng): { hostile: Hostile; mayPass: boolean } {
  const type = typeOf(slot.schema);
  const edge = rng.chance(0.3) ? edgeFor(slot, current, rng) : null;
  if (edge) return { hostile: edge, mayPass: true };
  const roll = rng.next();
  let hostile: Hostile;
  if (roll < 0.08) hostile = structural(rng);
  else if (type === 'string' && roll < 0.4) hostile = rng.pick(BAD_CHARACTERS);
  else if (type === 'string' && roll < 0.6) hostile = rng.pick(INJECTIONS);
  else if ((type === 'integer' || type === 'number') && roll < 0.6) hostile = rng.pick(BAD_NUMBERS);
  else hostile = rng.pick(OF_EACH_TYPE.filter((h) => typeof h.value !== type && !(Array.isArray(h.value) && type === 'array')));
  const value = hostile.value;
  const openString = type === 'string' && typeof value === 'string' && !slot.schema.pattern && !slot.schema.enum && !slot.schema.format;
  const fitsString = openString && value.length <= (slot.schema.maxLength ?? Infinity) && value.trim().length >= (slot.schema.minLength ?? 0);
  const storable = !BAD_CHARACTERS.includes(hostile);
  const mayPass = storable && (fitsString || fitsNumber(slot.schema, value) || (value === null && slot.schema.nullable === true) || type === undefined);
  return { hostile, mayPass };
}

/** An object copy with one more own property, `__proto__` included (plain assignment would set the prototype). */
function withKey(root: unknown, path: Slot['path'], key: string, value: unknown): unknown {
  if (path.length === 0) {
    const copy = { ...(root as Record<string, unknown>) };
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  }
  const [head, ...rest] = path;
  const parent = root as Record<string | number, unknown>;
  return withAt(root, [head!], withKey(parent[head!], rest, key, value));
}

function bodyMutation(body: Generated, spec: RequestSpec, rng: Rng, world: World): Mutation {
  const fields = body.slots.filter((s) => s.path.length > 0);
  const kind = rng.next();
  if (kind < 0.4 && fields.length > 0) {
    const slot = rng.pick(fields);
    const current = slot.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], body.value);
    const { hostile, mayPass } = hostileFor(slot, current, rng);
    jsonBody(spec, withAt(body.value, slot.path, hostile.value));
    return { label: `${slot.path.join('.')} = ${hostile.label}`, mayPass };
  }
  const required = fields.filter((s) => s.required);
  if (kind < 0.5 && required.length > 0) {
    const slot = rng.pick(required);
    jsonBody(spec, withAt(body.value, slot.path, undefined, true));
    return { label: `without required ${slot.path.join('.')}`, mayPass: false };
  }
  const objects = body.slots.filter((s) => typeOf(s.schema) === 'object');
  if (kind < 0.6 && objects.length > 0) {
    const slot = rng.pick(objects);
    const odd = rng.pick(ODD_KEYS);
    const key = String(odd.value);
    const value = key === 'constructor' ? { prototype: { isAdmin: true } } : key === '__proto__' ? { isAdmin: true } : 'x';
    jsonBody(spec, withKey(body.value, slot.path, key, value));
    const harmless = !slot.closed && !['__proto__', 'constructor', 'ke\u0000y'].includes(key);
    return { label: `extra ${odd.label} in ${slot.path.join('.') || 'body'}`, mayPass: harmless };
  }
  if (kind < 0.7) {
    const whole = rng.chance(0.5) ? structural(rng) : rng.pick(OF_EACH_TYPE);
    jsonBody(spec, whole.value);
    return { label: `whole body ${whole.label}`, mayPass: false };
  }
  if (kind < 0.8) return badJsonMutation(spec, rng);
  if (kind < 0.9) return contentTypeMutation(spec, rng);
  if (kind < 0.95) {
    spec.body = rng.chance(0.5) ? Buffer.alloc(0) : undefined;
    if (rng.chance(0.5)) setHeader(spec, 'content-type', undefined);
    return { label: `no body${spec.headers.some(([n]) => n === 'content-type') ? ' with JSON content-type' : ''}`, mayPass: false };
  }
  // rare: over the 5 MB body limit, once in a while only (it costs)
  if (rng.chance(0.2)) {
    jsonBody(spec, { padding: new RawJson(JSON.stringify('x'.repeat(6 * 1024 * 1024))) });
    return { label: '6 MB body', mayPass: false };
  }
  return garbageBodyMutation(spec, rng, world.xlsx);
}

/** The path parameters' values: real rows of the shop (of one order where they belong to one). */
function pathValues(route: Route, world: World, rng: Rng): { values: Record<string, string>; orderId: number; shopRows: boolean } {
  const names = route.params.filter((p) => p.in === 'path').map((p) => p.name);
  const anchor = names.find((n) => n !== 'orderId' && knowsIds(n) && (world.ids[n]?.some((r) => r.orderId !== null) ?? false));
  const anchorRow = anchor ? rng.pick(world.ids[anchor]!.filter((r) => r.orderId !== null)) : undefined;
  const orderId = anchorRow?.orderId ?? rng.pick(world.ids.orderId!).id;
  const values: Record<string, string> = {};
  // every value names a row of the shop under test (none made up): another shop's key must not reach them
  let shopRows = names.length > 0;
  for (const name of names) {
    if (name === 'orderId') values[name] = String(orderId);
    else if (name === anchor) values[name] = String(anchorRow!.id);
    else if (knowsIds(name) && idsFor(world, name, orderId).length > 0) values[name] = String(rng.pick(idsFor(world, name, orderId)));
    else {
      shopRows = false;
      values[name] = name === 'gateway' ? 'test' : name === 'shopId' ? String(world.server.shop.shopId) : '1';
    }
  }
  return { values, orderId, shopRows };
}

function makeCase(doc: OpenApiDocument, route: Route, world: World, seed: number, index: number): FuzzCase {
  const rng = new Rng(deriveSeed(seed, `${route.key}#${index}`));
  const { values, orderId, shopRows } = pathValues(route, world, rng);
  const hints = (field: string): unknown => {
    if (field === 'expectedVersion' || field === 'baseVersion') return world.versions.get(orderId) ?? 1;
    if (field === 'orderIds') return [orderId];
    if (field === 'quantity') return 1;
    if (field === 'addressIndex') return 0;
    if (field === 'ids') return world.ids.viewId?.map((r) => r.id);
    const ids = knowsIds(field) ? idsFor(world, field, orderId) : [];
    return ids.length > 0 ? rng.pick(ids) : undefined;
  };
  const query: Array<[string, string]> = [];
  for (const param of route.params.filter((p) => p.in === 'query')) {
    if (rng.chance(0.3)) query.push([param.name, encodeURIComponent(String(validInstance(doc, param.schema, rng, hints).value))]);
  }
  const spec: RequestSpec = { method: route.method, target: '', headers: [], auth: pickAuth(rng) };
  const known = SEED_BODIES[route.key];
  const seeded = route.body && known && rng.chance(0.6) ? (JSON.parse(JSON.stringify(known(world, rng))) as unknown) : undefined;
  const body = !route.body ? undefined : seeded !== undefined ? { value: seeded, slots: slotsOf(doc, route.body, seeded) } : validInstance(doc, route.body, rng, hints);
  if (body) jsonBody(spec, body.value);
  const raw = RAW_BODIES[route.key]?.(world);
  if (raw) {
    spec.body = raw.bytes;
    setHeader(spec, 'content-type', raw.type);
  }
  if (route.params.some((p) => p.name === 'idempotency-key') && rng.chance(0.3)) setHeader(spec, 'idempotency-key', `fuzz-${seed}-${index}`);

  const mutations: Mutation[] = [];
  const count = rng.chance(0.05) ? 0 : rng.chance(0.1) ? 2 : 1;
  const hasPath = Object.keys(values).length > 0;
  let pathMutated = false;
  // a route that pages with a cursor gets a forged one often: it is opaque text the schema cannot check
  const cursors = world.cursors[route.key];
  if (cursors && count > 0 && rng.chance(0.3)) mutations.push(forgedCursorMutation(rng.pick(cursors), query, rng));
  while (mutations.length < count) {
    const roll = rng.next();
    if (body && roll < 0.55) mutations.push(bodyMutation(body, spec, rng, world));
    else if (!body && roll < 0.2) mutations.push(garbageBodyMutation(spec, rng, world.xlsx));
    else if (hasPath && roll < 0.75) {
      pathMutated = true;
      if (rng.chance(0.3) && 'orderId' in values) {
        values.orderId = String(world.otherShop.orderId);
        mutations.push({ label: "another shop's order", mayPass: false });
      } else mutations.push(pathValueMutation(route, values, rng));
    } else if (roll < 0.85) mutations.push(queryMutation(route, query, rng));
    else if (roll < 0.96 || spec.protocol) mutations.push(headerMutation(route, spec, rng));
    else mutations.push(protocolMutation(spec, rng));
  }
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '1');
  spec.target = query.length > 0 ? `${path}?${query.map(([k, v]) => (v === '' && k.includes('=') ? k : `${k}=${v}`)).join('&')}` : path;
  const unsafe = spec.method !== 'GET';
  const mustRefuse =
    !route.public && (spec.auth === 'anonymous' || spec.auth === 'junkSession')
      ? 'it carried no valid credentials'
      : unsafe && spec.auth === 'noCsrf'
        ? 'a change made with the session cookie carried no CSRF token'
        : unsafe && spec.auth === 'crossOrigin'
          ? 'the change came from another origin'
          : spec.auth === 'otherShop' && shopRows && !pathMutated && !route.public
            ? "another shop's API key named this shop's rows"
            : values.orderId === String(world.otherShop.orderId) && spec.auth !== 'otherShop'
              ? "it named another shop's order"
              : undefined;
  const openBody = route.body !== undefined && typeOf(route.body) === undefined;
  const authPasses = spec.auth === 'owner' || spec.auth === 'api' || spec.auth === 'viewer' || spec.auth === 'otherShop';
  const mayPass = !mustRefuse && (openBody || (authPasses && mutations.every((m) => m.mayPass)));
  const label = [spec.auth !== 'owner' ? `as ${spec.auth}` : '', ...mutations.map((m) => m.label)].filter(Boolean).join('; ') || 'valid request';
  return { name: `${route.key} #${index}`, route, label, spec, mayPass, mustRefuse };
}

/** `count` requests for one route, each from its own seed (a case repeats whatever ran before it). */
export function casesFor(doc: OpenApiDocument, route: Route, world: World, seed: number, count: number): FuzzCase[] {
  return Array.from({ length: count }, (_, i) => makeCase(doc, route, world, seed, i));
}

const JUNK_KEYS = ['', 'Bearer', 'Bearer ', 'Bearer jm_', 'Bearer jm_1_', 'Bearer jm_999999_secret', 'Bearer jm_-1_x', 'Bearer jm_1e309_x', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'k'.repeat(8 * 1024)}`, `Bearer jm_1_${utf8Header('비밀')}`, 'Bearer jm_1_a\tb', 'Bearer null'];

/**
 * Junk API keys, sent last: they count against the client address (a few wrong keys and the
 * server makes the address wait), which would refuse the storefront's good key in the cases above.
 */
export function junkKeyCases(doc: OpenApiDocument, routes: readonly Route[], world: World, seed: number): FuzzCase[] {
  const rng = new Rng(deriveSeed(seed, 'junk keys'));
  const guarded = routes.filter((r) => !r.public);
  return JUNK_KEYS.map((key, index) => {
    const route = rng.pick(guarded);
    const { values } = pathValues(route, world, rng);
    const spec: RequestSpec = { method: route.method, target: route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '1'), headers: [['authorization', key]], auth: 'anonymous' };
    if (route.body) jsonBody(spec, validInstance(doc, route.body, rng, () => undefined).value);
    return { name: `${route.key} junk key #${index}`, route, label: `authorization ${JSON.stringify(key.slice(0, 30))}`, spec, mayPass: false, mustRefuse: 'its API key was junk' };
  });
}
