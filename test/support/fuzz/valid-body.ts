import { resolveSchema, typeOf, type JsonSchema, type OpenApiDocument } from './openapi';
import type { Rng } from './random';

export type JsonPath = Array<string | number>;

/** A place in a generated body the mutations can aim at, with the schema that governs it. */
export interface Slot {
  path: JsonPath;
  schema: JsonSchema;
  /** The parent object requires this property (so leaving it out must be refused); never an array's item. */
  required: boolean;
  /** For an object: whether it refuses properties it does not list. */
  closed: boolean;
}

export interface Generated {
  value: unknown;
  slots: Slot[];
}

/** Real values for fields named like this (ids of the order under test, its version …), so valid bodies reach the handler. */
export type Hints = (field: string) => unknown;

interface Context {
  doc: OpenApiDocument;
  rng: Rng;
  hints: Hints;
  slots: Slot[];
  everyOptional: boolean;
}

const lowerBound = (s: JsonSchema) => (s.minimum === undefined ? undefined : s.exclusiveMinimum === true ? s.minimum + 1 : s.minimum);
const upperBound = (s: JsonSchema) => (s.maximum === undefined ? undefined : s.exclusiveMaximum === true ? s.maximum - 1 : s.maximum);

function numberFor(schema: JsonSchema, rng: Rng): number {
  const min = lowerBound(schema) ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0);
  const max = upperBound(schema) ?? (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : min + 100);
  // small values: ids, quantities and amounts that could be real
  return rng.int(min, Math.min(max, min + 3));
}

function stringFor(schema: JsonSchema, rng: Rng): string {
  if (schema.format === 'email') return `fuzz${rng.int(1, 999)}@example.kr`;
  if (schema.format === 'date-time') return '2026-11-26T10:15:00+09:00';
  if (schema.format === 'date') return '2026-11-26';
  if (schema.pattern) return rng.matching(schema.pattern);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? min + 12;
  const length = Math.min(max, Math.max(min, rng.int(1, 8)));
  return Array.from({ length }, () => rng.pick(['가', '나', '다', 'a', 'b', '1', ' '])).join('').replace(/^ | $/g, 'x');
}

function generate(schema0: JsonSchema, path: JsonPath, ctx: Context, required: boolean): unknown {
  const schema = resolveSchema(ctx.doc, schema0);
  const field = path.at(-1);
  const type = typeOf(schema);
  const closed = schema.additionalProperties === false;
  ctx.slots.push({ path, schema, required, closed });
  const hinted = typeof field === 'string' ? ctx.hints(field) : undefined;
  if (hinted !== undefined && (type === 'integer' || type === 'number')) return hinted;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return ctx.rng.pick(schema.enum);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices?.length) {
    ctx.slots.pop();
    return generate(ctx.rng.pick(choices), path, ctx, required);
  }
  switch (type) {
    case 'integer':
    case 'number':
      return numberFor(schema, ctx.rng);
    case 'boolean':
      return ctx.rng.chance(0.5);
    case 'string':
      return stringFor(schema, ctx.rng);
    case 'array': {
      const hintedList = typeof field === 'string' ? ctx.hints(field) : undefined;
      if (Array.isArray(hintedList)) return hintedList;
      const min = schema.minItems ?? 0;
      const count = Math.min(schema.maxItems ?? Infinity, Math.max(min, ctx.rng.int(1, 2)));
      return Array.from({ length: count }, (_, i) => generate(schema.items ?? {}, [...path, i], ctx, false));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const requiredNames = new Set(schema.required ?? []);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        // optional ones too, unless the schema recurses this deep
        const optional = path.length < 8 && (ctx.everyOptional || ctx.rng.chance(0.4));
        if (requiredNames.has(name) || optional) out[name] = generate(property, [...path, name], ctx, requiredNames.has(name));
      }
      return out;
    }
    default:
      return {};
  }
}

/** A body the schema accepts (one of many: optional fields come and go, or all come), and the slots inside it. */
export function validInstance(doc: OpenApiDocument, schema: JsonSchema, rng: Rng, hints: Hints, everyOptional = false): Generated {
  const ctx: Context = { doc, rng, hints, slots: [], everyOptional };
  const value = generate(schema, [], ctx, true);
  return { value, slots: ctx.slots };
}

/** A copy of `root` with the value at `path` replaced (or removed when `remove`). */
export function withAt(root: unknown, path: JsonPath, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    if (remove && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = withAt(copy[head as number], rest, value, remove);
    return copy;
  }
  const entries = Object.entries(root as Record<string, unknown>);
  if (remove && rest.length === 0) return Object.fromEntries(entries.filter(([k]) => k !== head));
  const copy = Object.fromEntries(entries);
  copy[head as string] = withAt(copy[head as string], rest, value, remove);
  return copy;
}

/** Whether a value fits one of a oneOf's alternatives by its required keys and fixed (enum) fields. */
function fits(schema: JsonSchema, value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return typeOf(schema) !== 'object';
  const record = value as Record<string, unknown>;
  if (!(schema.required ?? []).every((k) => k in record)) return false;
  return Object.entries(schema.properties ?? {}).every(([k, p]) => !(k in record) || !p.enum || p.enum.includes(record[k]));
}

/** The slots of a body written by hand (a known-good one), walked along its schema. */
export function slotsOf(doc: OpenApiDocument, schema: JsonSchema, value: unknown): Slot[] {
  const slots: Slot[] = [];
  const walk = (schema0: JsonSchema, v: unknown, path: JsonPath, required: boolean) => {
    let schema = resolveSchema(doc, schema0);
    const choices = schema.oneOf ?? schema.anyOf;
    if (choices?.length) schema = resolveSchema(doc, choices.find((c) => fits(resolveSchema(doc, c), v)) ?? choices[0]!);
    slots.push({ path, schema, required, closed: schema.additionalProperties === false });
    if (Array.isArray(v)) v.forEach((item, i) => walk(schema.items ?? {}, item, [...path, i], false));
    else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(schema.properties?.[k] ?? {}, item, [...path, k], (schema.required ?? []).includes(k));
    }
  };
  walk(schema, value, [], true);
  return slots;
}
