/**
 * The OpenAPI 3.1 document of the service, generated with zod's `z.toJSONSchema` from the
 * same schemas that check the requests (`schemas.ts`): a batch's rows documented by the
 * library's own input schemas, which check them row by row.
 */
import { z } from 'zod';
import { PACKAGE_VERSION } from '../version.js';
import type { DecisionEndpoint } from './routes/endpoint.js';
import { errorResponse, healthResponse, ROW_SCHEMAS, rulesResponse } from './schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: ERROR_TEXT[code] ?? 'fejl', content: json('Fejl') }]));

const ERROR_TEXT: Readonly<Record<number, string>> = {
  400: 'ugyldig forespørgsel: bibliotekets diagnoser (kode, JSON-pointer, besked, tip)',
  401: 'mangler eller forkert bearer-token',
  404: 'findes ikke',
  413: 'forespørgslen er større end grænsen',
  415: 'forespørgslen er ikke JSON',
};

/** A component name for an endpoint's request or response: `ScreenRequest`. */
function componentName(endpoint: string, part: 'Request' | 'Response'): string {
  return `${endpoint.charAt(0).toUpperCase()}${endpoint.slice(1)}${part}`;
}

/** The OpenAPI 3.1 document of the service with `endpoints`. */
export function openApiDocument(endpoints: readonly DecisionEndpoint[]): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const e of endpoints) {
    registry.add(e.request, { id: componentName(e.name, 'Request') });
    registry.add(e.response, { id: componentName(e.name, 'Response') });
  }
  registry.add(errorResponse, { id: 'Fejl' });
  registry.add(rulesResponse, { id: 'Regler' });
  registry.add(healthResponse, { id: 'Helbred' });
  const rows = new Map(endpoints.flatMap((e) => collectRows(e.request)).map((r) => [r.row, r.name]));
  for (const [row, name] of rows) if (registry.get(row) === undefined) registry.add(row, { id: name });
  const converted = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: (ctx) => {
      const rowsOf = ROW_SCHEMAS.get(ctx.zodSchema);
      if (rowsOf !== undefined) ctx.jsonSchema.items = ref(registry.get(rowsOf.row)?.id ?? rowsOf.name);
    },
  }) as { schemas: Record<string, Record<string, unknown>> };
  const schemas: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(converted.schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema;
    schemas[name] = rest;
  }
  const paths: Record<string, unknown> = {};
  for (const e of endpoints) {
    paths[`/v1/${e.name}`] = {
      post: {
        operationId: e.name,
        summary: e.summary,
        requestBody: { required: true, content: json(componentName(e.name, 'Request')) },
        responses: { 200: { description: 'svaret, som CLI\'en skriver det med --format json; rækker med fejl rapporteres pr. række', content: json(componentName(e.name, 'Response')) }, ...errors(400, 401, 413, 415) },
      },
    };
  }
  paths['/v1/rules'] = { get: { operationId: 'rules', summary: 'alle regelsæt og versioner med gyldighedsperiode og indholds-hash', responses: { 200: { description: 'regelsættene', content: json('Regler') }, ...errors(401) } } };
  paths['/v1/rules/{id}/{version}'] = {
    get: {
      operationId: 'ruleFile',
      summary: 'én regelfil, byte for byte',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'version', in: 'path', required: true, schema: { type: 'string' } },
      ],
      responses: { 200: { description: 'filens præcise bytes', content: { 'application/json': { schema: {} } } }, ...errors(401, 404) },
    },
  };
  paths['/v1/health'] = { get: { operationId: 'health', summary: 'tjenesten kører (kræver ikke token)', responses: { 200: { description: 'i orden', content: json('Helbred') } } } };
  paths['/v1/openapi.json'] = { get: { operationId: 'openapi', summary: 'dette dokument', responses: { 200: { description: 'OpenAPI 3.1' }, ...errors(401) } } };
  return {
    openapi: '3.1.0',
    info: { title: '@fsb/boligsocial beslutningstjeneste', version: PACKAGE_VERSION, description: 'fsb\'s boligsociale regler over HTTP: hvert svar bærer regelfilernes indholds-hash og pakkens version.' },
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
  };
}

/** The row schemas of the rows lists in a request schema's top-level properties. */
function collectRows(schema: z.ZodType): { readonly row: z.ZodType; readonly name: string }[] {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  if (shape === undefined) return [];
  return Object.values(shape).flatMap((s) => {
    const inner = s instanceof z.ZodOptional ? (s.unwrap() as z.ZodType) : s;
    const row = ROW_SCHEMAS.get(inner);
    return row === undefined ? [] : [row];
  });
}
