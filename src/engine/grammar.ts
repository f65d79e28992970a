/**
 * The condition grammar, owned by the engine: json-rules-engine's `all`/`any`/`not`,
 * `condition` references and `fact`/`operator`/`value`/`path`/`params` leaves, plus one
 * extension, `atLeast` ("mindst k af n"), which exports to json-rules-engine as an `any`
 * over every k-combination. The types say what the engine compiles; the zod schema is
 * how the loader checks a file's conditions and how the JSON Schema describes them.
 */
import { z } from 'zod';

/** An RFC 6901 JSON pointer ("" or "/a/b"). */
export const POINTER_PATTERN = /^(\/([^~/]|~[01])*)*$/;

const scalarValue = z.union([z.number(), z.string(), z.boolean()]);

/** A literal value in a rule file: a number, a text, a truth value, or a list of them. */
export const literalValueSchema = z.union([scalarValue, z.array(z.union([z.number(), z.string(), z.boolean()]))]);

/** A reference to a named parameter of the same file. */
export const parameterRefSchema = z.object({ parameter: z.string().min(1).describe('Navnet på en parameter i filen') }).strict();

/** A reference to another fact (named as `factName` allows), optionally at a JSON pointer inside it. */
function factRefSchema(factName: z.ZodType<string>) {
  return z
    .object({
      fact: factName.describe('Navnet på en anden fakta'),
      path: z.string().regex(POINTER_PATTERN, 'skal være en JSON pointer, fx "/beboere"').optional(),
    })
    .strict();
}

/**
 * True when a condition's `value` is a reference of the given kind,
 * `{ "parameter": … }` or `{ "fact": …, "path"?: … }`, rather than a literal.
 */
export function isRefTo<K extends 'parameter' | 'fact'>(value: unknown, key: K): value is Record<K, string> & { path?: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key);
}

/** The raw condition tree as written in a file. */
export type ConditionInput =
  | { all: ConditionInput[]; priority?: number | undefined; name?: string | undefined }
  | { any: ConditionInput[]; priority?: number | undefined; name?: string | undefined }
  | { not: ConditionInput; priority?: number | undefined; name?: string | undefined }
  | { atLeast: number | { parameter: string }; of: ConditionInput[]; name?: string | undefined }
  | { condition: string; priority?: number | undefined }
  | LeafInput;

/** A comparison of one fact with a value. */
export interface LeafInput {
  fact: string;
  operator: string;
  value: unknown;
  path?: string | undefined;
  params?: Record<string, unknown> | undefined;
  priority?: number | undefined;
  name?: string | undefined;
}

/** How the condition schema checks fact and operator names: the loader takes any name and reports typos itself; the JSON Schema enumerates them. */
export interface ConditionSchemaOptions {
  readonly factName: z.ZodType<string>;
  readonly operatorName: z.ZodType<string>;
}

/**
 * The condition schema; `options` chooses how fact and operator names are checked.
 * It is a union of six strict objects, each told apart by its own key (`all`, `any`,
 * `not`, `atLeast`, `condition`, `fact`), in {@link CONDITION_KINDS} order.
 */
export function makeConditionSchema(options: ConditionSchemaOptions): z.ZodType<ConditionInput> {
  const priority = z.int().min(1).optional().describe('Rækkefølge for json-rules-engine; påvirker ikke resultatet');
  const name = z.string().optional().describe('Valgfrit navn til json-rules-engine');
  // the recursion goes through a lazy schema that returns the union itself, so the
  // JSON Schema export sees a finite graph and emits a $ref for it
  const condition: z.ZodType<ConditionInput> = z.lazy(() => union);
  const union: z.ZodType<ConditionInput> = z.union([
    // never empty: json-rules-engine calls an empty `any` true, three-valued logic calls it false
    z.object({ all: z.array(condition).min(1, 'skal indeholde mindst én betingelse').describe('Alle skal være opfyldt'), priority, name }).strict(),
    z.object({ any: z.array(condition).min(1, 'skal indeholde mindst én betingelse').describe('Mindst én skal være opfyldt'), priority, name }).strict(),
    z.object({ not: condition.describe('Må ikke være opfyldt'), priority, name }).strict(),
    z
      .object({
        atLeast: z.union([z.int().min(0), parameterRefSchema]).describe('Mindst så mange af betingelserne i "of" skal være opfyldt'),
        of: z.array(condition).min(1, 'skal indeholde mindst én betingelse').describe('Betingelserne, der tælles'),
        name,
      })
      .strict(),
    z.object({ condition: z.string().min(1).describe('Navnet på en navngiven betingelse i filens "conditions"'), priority }).strict(),
    z
      .object({
        fact: options.factName.describe('Faktaens navn fra domænets faktakatalog'),
        operator: options.operatorName.describe('Sammenligningen'),
        value: z.union([literalValueSchema, parameterRefSchema, factRefSchema(options.factName)]).describe('Tærsklen: en værdi, {"parameter": …} eller {"fact": …}'),
        path: z.string().regex(POINTER_PATTERN, 'skal være en JSON pointer, fx "/beboere"').optional().describe('JSON pointer ind i faktaens værdi'),
        params: z.record(z.string(), z.unknown()).optional().describe('Operatorens parametre (json-rules-engine)'),
        priority,
        name,
      })
      .strict(),
  ]);
  return union;
}

/** The six kinds of condition, each with the keys that tell it apart, in the order of {@link makeConditionSchema}'s union. */
export const CONDITION_KINDS: readonly (readonly string[])[] = [['all'], ['any'], ['not'], ['atLeast', 'of'], ['condition'], ['fact', 'operator', 'value', 'path']];

/** The named conditions a condition tree refers to, directly. */
export function references(node: ConditionInput): string[] {
  if ('all' in node) return node.all.flatMap(references);
  if ('any' in node) return node.any.flatMap(references);
  if ('not' in node) return references(node.not);
  if ('atLeast' in node) return node.of.flatMap(references);
  if ('condition' in node) return [node.condition];
  return [];
}
