import { BAD_CHARACTERS, BAD_NUMBERS, EDGE_INTEGERS, INJECTIONS, ODD_DATE_TIMES, ODD_DAYS, ODD_KEYS, OF_EACH_TYPE, RawJson, structural, type Hostile } from './hostile';
import { typeOf, type JsonSchema } from './openapi';
import type { Rng } from './random';
import { badJsonMutation, contentTypeMutation, garbageBodyMutation, jsonBody, setHeader, type Mutation, type RequestSpec } from './request-parts';
import { withAt, type Generated, type Slot } from './valid-body';
import type { World } from './world';

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
  else hostile = wrongTypeFor(slot, rng);
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

/** One change to a body: a field made hostile, left out or joined by another, or the whole body replaced. */
export function bodyMutation(body: Generated, spec: RequestSpec, rng: Rng, world: World): Mutation {
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

const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** A value of another JSON type than the field's (a string for a number, an array for an object …). */
export function wrongTypeFor(slot: Slot, rng: Rng): Hostile {
  const type = typeOf(slot.schema) === 'integer' ? 'number' : typeOf(slot.schema);
  return rng.pick(OF_EACH_TYPE.filter((h) => jsonType(h.value) !== type && !(h.value === null && slot.schema.nullable === true)));
}

/**
 * Every field of a body, one request each: the field with a value of the wrong type and, when the
 * schema requires it, the field left out. Both must be refused whatever else the body holds.
 */
export function everyFieldPlans(body: Generated, rng: Rng): Array<(spec: RequestSpec) => Mutation> {
  const plans: Array<(spec: RequestSpec) => Mutation> = [];
  for (const slot of body.slots.filter((s) => s.path.length > 0 && typeOf(s.schema) !== undefined)) {
    const wrong = wrongTypeFor(slot, rng);
    const where = slot.path.join('.');
    plans.push((spec) => {
      jsonBody(spec, withAt(body.value, slot.path, wrong.value));
      return { label: `${where} = ${wrong.label} (wrong type)`, mayPass: false, mustRefuse: `its field ${where} had the wrong type` };
    });
    if (slot.required) {
      plans.push((spec) => {
        jsonBody(spec, withAt(body.value, slot.path, undefined, true));
        return { label: `without required ${where}`, mayPass: false, mustRefuse: `it left out the required field ${where}` };
      });
    }
  }
  return plans;
}
