/**
 * JSON Schemas for editors, generated from the zod schemas the readers validate with,
 * so the editor and the reader cannot disagree about a file's format. draft-07 (which
 * every editor understands), the input side of each schema, definitions with names
 * (given with {@link SchemaNames}, not zod's `__schema0`), and no union `type` arrays,
 * so the result passes ajv's strict mode.
 */
import { z } from 'zod';

/** A JSON Schema, as a JSON value. */
export type JsonSchema = { [key: string]: unknown };

/**
 * The names of a JSON Schema's definitions: a zod metadata registry whose `id`s become
 * the keys of `definitions`, layered over zod's global registry, which holds the
 * `.describe()` texts, so that those still become `description`s.
 */
export class SchemaNames extends z.core.$ZodRegistry<Record<string, unknown>> {
  /** Gives `schema` the definition name `id` (and, optionally, more JSON Schema keywords); returns the schema. */
  name<S extends z.ZodType>(schema: S, id: string, keywords: Record<string, unknown> = {}): S {
    this.add(schema, { ...keywords, id });
    return schema;
  }

  override get<S extends z.core.$ZodType>(schema: S): Record<string, unknown> | undefined {
    const global = z.globalRegistry.get(schema);
    const own = super.get(schema);
    if (global === undefined) return own;
    if (own === undefined) return { ...global, id: undefined };
    return { ...global, ...own };
  }
}

/** What {@link editorJsonSchema} writes at the top of the schema. */
export interface EditorSchemaHeader {
  /** The schema's `$id`. */
  readonly id: string;
  /** Danish title and description, as the editor shows them. */
  readonly title: string;
  readonly description: string;
}

/** The draft-07 JSON Schema of `schema` (its input side), with names from `names` and the header. */
export function editorJsonSchema(schema: z.ZodType, header: EditorSchemaHeader, names: SchemaNames = new SchemaNames()): JsonSchema {
  const { $schema, ...rest } = convert(schema, names);
  return { $schema, $id: header.id, title: header.title, description: header.description, ...rest };
}

/**
 * `schema` as draft-07 JSON Schema (its input side) with the definitions `names` gives,
 * the ones zod could only number (`__schema0`, the nodes on a recursive path) inlined,
 * and no union `type` arrays.
 */
export function convert(schema: z.ZodType, names: SchemaNames): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any', metadata: names }) as JsonSchema;
  return expandTypeUnions(inlineNumberedDefinitions(json)) as JsonSchema;
}

const NUMBERED = /^__schema\d+$/;

/**
 * Replaces every reference to a definition zod numbered (`#/definitions/__schema0`)
 * with its body. Finite: every recursion passes through a named definition.
 */
export function inlineNumberedDefinitions(json: JsonSchema): JsonSchema {
  const definitions = (json['definitions'] ?? {}) as Record<string, unknown>;
  const numbered = new Map(Object.entries(definitions).filter(([key]) => NUMBERED.test(key)));
  if (numbered.size === 0) return json;
  const inline = (value: unknown, trail: readonly string[]): unknown => {
    if (Array.isArray(value)) return value.map((v) => inline(v, trail));
    if (typeof value !== 'object' || value === null) return value;
    const ref = (value as JsonSchema)['$ref'];
    const target = typeof ref === 'string' ? ref.replace(/^#\/definitions\//, '') : undefined;
    if (target !== undefined && numbered.has(target)) {
      if (trail.includes(target)) throw new Error(`JSON Schema: definition ${target} recurses without a named definition on the way`);
      const { $ref: _ref, ...siblings } = value as JsonSchema;
      return { ...(inline(numbered.get(target), [...trail, target]) as JsonSchema), ...(inline(siblings, trail) as JsonSchema) };
    }
    const out: JsonSchema = {};
    for (const [key, v] of Object.entries(value)) out[key] = inline(v, trail);
    return out;
  };
  const { definitions: _definitions, ...rest } = json;
  const kept = Object.fromEntries(Object.entries(definitions).filter(([key]) => !numbered.has(key)).map(([key, v]) => [key, inline(v, [])]));
  return { ...(inline(rest, []) as JsonSchema), ...(Object.keys(kept).length > 0 ? { definitions: kept } : {}) };
}

/** The text of a JSON Schema as committed: two-space JSON and a final newline. */
export function jsonSchemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * Rewrites every `"type": ["a", "b"]` as `"anyOf": [{ "type": "a" }, { "type": "b" }]`,
 * which means the same and passes ajv's strict mode without `allowUnionTypes`.
 */
export function expandTypeUnions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expandTypeUnions);
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonSchema = {};
  for (const [key, v] of Object.entries(value)) out[key] = expandTypeUnions(v);
  const type = out['type'];
  if (Array.isArray(type)) {
    delete out['type'];
    const branches = type.map((t) => ({ type: t }));
    const existing = out['anyOf'];
    if (existing === undefined) out['anyOf'] = branches;
    else out['allOf'] = [...((out['allOf'] as unknown[] | undefined) ?? []), { anyOf: branches }];
  }
  return out;
}
