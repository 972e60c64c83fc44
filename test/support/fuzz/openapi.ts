/**
 * The parts of the server's OpenAPI 3.0 document the fuzzer reads: every operation under /api/v1
 * with its parameters and JSON body schema, and `$ref`/`allOf` resolved against its components.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
}

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Route {
  /** `POST /api/v1/orders/{orderId}/memos`: the route's name in reports. */
  key: string;
  method: string;
  path: string;
  params: Param[];
  /** The JSON body schema, when the route takes one. */
  body: JsonSchema | undefined;
  /** Declares no credentials (`security: []`): sign-in, the CSRF token, gateway webhooks. */
  public: boolean;
}

interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function routesOf(doc: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries(operations)) {
      if (!METHODS.has(method)) continue;
      const params = (op.parameters ?? [])
        .filter((p): p is Param => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({ name: p.name, in: p.in, required: p.required ?? false, schema: p.schema ?? {} }));
      const body = op.requestBody?.content?.['application/json']?.schema;
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      routes.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, params, body, public: isPublic });
    }
  }
  return routes;
}

/** A schema with its `$ref` followed and its `allOf` merged into one (recursion stays lazy). */
export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved ${current.$ref}`);
    const { $ref: _ref, ...rest } = current;
    current = { ...target, ...rest };
  }
  if (!current.allOf) return current;
  const { allOf, ...rest } = current;
  let merged: JsonSchema = { ...rest };
  for (const part of allOf.map((p) => resolveSchema(doc, p))) {
    merged = {
      ...part,
      ...merged,
      properties: { ...part.properties, ...merged.properties },
      required: [...(part.required ?? []), ...(merged.required ?? [])],
    };
  }
  return merged;
}

/** The JSON type a schema asks for (object when it only lists properties). */
export function typeOf(schema: JsonSchema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (schema.enum?.length) return typeof schema.enum[0];
  return undefined;
}
