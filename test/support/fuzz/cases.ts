import { bodyMutation, everyFieldPlans } from './body-mutations';
import { typeOf, type OpenApiDocument, type Route } from './openapi';
import { protocolMutation } from './protocol';
import { deriveSeed, Rng } from './random';
import { garbageBodyMutation, headerMutation, jsonBody, pathValueMutation, pickAuth, queryMutation, setHeader, utf8Header, type Mutation, type RequestSpec } from './request-parts';
import { SEED_BODIES } from './seed-bodies';
import { forgedCursorMutation } from './tokens';
import { slotsOf, validInstance, type Hints } from './valid-body';
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

/** The path parameters' values: real rows of the shop (of one order where they belong to one). */
function pathValues(route: Route, world: World, rng: Rng): { values: Record<string, string>; orderId: number; shopRows: boolean } {
  const names = route.params.filter((p) => p.in === 'path').map((p) => p.name);
  if (names.includes('orderNumber')) return buyerPathValues(names, world, rng);
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

/** A My Page route names the buyer's own order by number; its other ids come from that order where it has them. */
function buyerPathValues(names: readonly string[], world: World, rng: Rng): { values: Record<string, string>; orderId: number; shopRows: boolean } {
  const orderId = world.buyerOrder.id;
  const values: Record<string, string> = {};
  for (const name of names) {
    if (name === 'orderNumber') values[name] = world.buyerOrder.orderNumber;
    else values[name] = knowsIds(name) && idsFor(world, name, orderId).length > 0 ? String(rng.pick(idsFor(world, name, orderId))) : '1';
  }
  return { values, orderId, shopRows: true };
}

interface Base {
  spec: RequestSpec;
  values: Record<string, string>;
  query: Array<[string, string]>;
  shopRows: boolean;
  hints: Hints;
}

/** A request to the route as a client would send it: real ids, some query values, a body its schema accepts. */
function baseRequest(doc: OpenApiDocument, route: Route, world: World, rng: Rng, idempotencyKey: string): Base {
  const { values, orderId, shopRows } = pathValues(route, world, rng);
  const hints: Hints = (field) => {
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
  const raw = RAW_BODIES[route.key]?.(world);
  if (raw) {
    spec.body = raw.bytes;
    setHeader(spec, 'content-type', raw.type);
  }
  if (route.params.some((p) => p.name === 'idempotency-key') && rng.chance(0.3)) setHeader(spec, 'idempotency-key', idempotencyKey);
  return { spec, values, query, shopRows, hints };
}

/** The case as sent: its target written out, and whether a success would be a bug or may be right. */
function finish(route: Route, world: World, base: Base, mutations: Mutation[], pathMutated: boolean, name: string): FuzzCase {
  const { spec, values, query } = base;
  const path = route.path.replace(/\{(\w+)\}/g, (_, param: string) => values[param] ?? '1');
  spec.target = query.length > 0 ? `${path}?${query.map(([k, v]) => (v === '' && k.includes('=') ? k : `${k}=${v}`)).join('&')}` : path;
  const unsafe = spec.method !== 'GET';
  const mustRefuse =
    !route.public && (spec.auth === 'anonymous' || spec.auth === 'junkSession')
      ? 'it carried no valid credentials'
      : unsafe && spec.auth === 'noCsrf'
        ? 'a change made with the session cookie carried no CSRF token'
        : unsafe && spec.auth === 'crossOrigin'
          ? 'the change came from another origin'
          : spec.auth === 'otherShop' && base.shopRows && !pathMutated && !route.public
            ? "another shop's API key named this shop's rows"
            : values.orderId === String(world.otherShop.orderId) && spec.auth !== 'otherShop'
              ? "it named another shop's order"
              : mutations.find((m) => m.mustRefuse)?.mustRefuse;
  const openBody = route.body !== undefined && typeOf(route.body) === undefined;
  const authPasses = spec.auth === 'owner' || spec.auth === 'api' || spec.auth === 'viewer' || spec.auth === 'otherShop';
  const mayPass = !mustRefuse && (openBody || (authPasses && mutations.every((m) => m.mayPass)));
  const label = [spec.auth !== 'owner' ? `as ${spec.auth}` : '', ...mutations.map((m) => m.label)].filter(Boolean).join('; ') || 'valid request';
  return { name, route, label, spec, mayPass, mustRefuse };
}

/** One request with one or two random mutations (rarely none) of any part: body, path, query, headers, protocol. */
function randomCase(doc: OpenApiDocument, route: Route, world: World, seed: number, index: number): FuzzCase {
  const rng = new Rng(deriveSeed(seed, `${route.key}#${index}`));
  const base = baseRequest(doc, route, world, rng, `fuzz-${seed}-${index}`);
  const { spec, values, query } = base;
  const known = SEED_BODIES[route.key];
  const seeded = route.body && known && rng.chance(0.6) ? (JSON.parse(JSON.stringify(known(world, rng))) as unknown) : undefined;
  const body = !route.body ? undefined : seeded !== undefined ? { value: seeded, slots: slotsOf(doc, route.body, seeded) } : validInstance(doc, route.body, rng, base.hints);
  if (body) jsonBody(spec, body.value);

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
  return finish(route, world, base, mutations, pathMutated, `${route.key} #${index}`);
}

/** Every field of the route's body (every optional one included), with a wrong type and, when required, missing. */
function fieldCases(doc: OpenApiDocument, route: Route, world: World, seed: number): FuzzCase[] {
  if (!route.body) return [];
  const rng = new Rng(deriveSeed(seed, `${route.key} fields`));
  const full = validInstance(doc, route.body, rng, () => undefined, true);
  return everyFieldPlans(full, rng).map((plan, i) => {
    const caseRng = new Rng(deriveSeed(seed, `${route.key} field ${i}`));
    const base = baseRequest(doc, route, world, caseRng, `fuzz-${seed}-field-${i}`);
    // with credentials that reach the schema: the body is what is under test
    base.spec.auth = caseRng.chance(0.7) ? 'owner' : 'api';
    return finish(route, world, base, [plan(base.spec)], false, `${route.key} field #${i}`);
  });
}

/**
 * The route's requests: one per body field (see fieldCases), then random ones up to `count`
 * (at least 10). Each draws from its own seed, so a case repeats whatever ran before it.
 */
export function casesFor(doc: OpenApiDocument, route: Route, world: World, seed: number, count: number): FuzzCase[] {
  const fields = fieldCases(doc, route, world, seed);
  const random = Array.from({ length: Math.max(10, count - fields.length) }, (_, i) => randomCase(doc, route, world, seed, i));
  return [...fields, ...random];
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
