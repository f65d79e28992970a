/**
 * The rule-file format, described once with zod. The loader validates with it; the
 * JSON Schema that editors use is generated from it (see `json-schema.ts`).
 *
 * Conditions use json-rules-engine's grammar (`all`/`any`/`not`, `condition`
 * references, `fact`/`operator`/`value`/`path`/`params`, `priority`) plus one
 * extension, `atLeast` ("mindst k af n", k ≥ 1 by the checks), which exports to
 * json-rules-engine as a count of the children that hold (see `engine/json-rules-engine.ts`).
 */
import { z } from 'zod';
import { DOMAINS } from '../domain/fact-types.js';
import { INDSATS_KINDS } from '../domain/indsats.js';
import { DECIMAL_STRING } from '../domain/decimal.js';
import { isoDateSchema as isoDate } from '../domain/calendar.js';

/** A kebab-case identifier: rule ids, rule-set ids, condition names. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A parameter name: camelCase ASCII. */
export const PARAMETER_NAME_PATTERN = /^[a-z][a-zA-Z0-9]*$/;
/** An RFC 6901 JSON pointer ("" or "/a/b"). */
export const POINTER_PATTERN = /^(\/([^~/]|~[01])*)*$/;

const kebabId = z.string().regex(ID_PATTERN, 'skal være kebab-case: små bogstaver, tal og bindestreger (fx "udsat-boligomraade")');
const decimalString = z.string().regex(DECIMAL_STRING, 'skal være et decimaltal skrevet som tekst, fx "0.125"');

/** Where a rule or figure comes from: a law paragraph, a regulativ, a strategy section, a URL. */
export const sourceSchema = z
  .object({
    reference: z.string().min(1).describe('Kilden i ord, fx "Almenboligloven § 61 a, stk. 1, nr. 1"'),
    url: z.url().optional().describe('Link til kilden'),
    note: z.string().optional().describe('Bemærkning, fx at kilden er sekundær eller ubekræftet'),
  })
  .strict();

/** Whether a parameter value is confirmed by a primary source, unconfirmed, or an fsb policy choice. */
export const parameterStatusSchema = z
  .enum(['bekræftet', 'ubekræftet', 'fsb-politik'])
  .describe('bekræftet: står i en primær kilde; ubekræftet: kilder mangler eller er uenige; fsb-politik: fsb\'s eget valg, skal bekræftes');

const scalarValue = z.union([z.number(), z.string(), z.boolean()]);
const literalValue = z.union([scalarValue, z.array(z.union([z.number(), z.string(), z.boolean()]))]);

/** A named parameter: a threshold or constant that conditions reference instead of a bare number. */
export const parameterSchema = z
  .object({
    value: literalValue.describe('Værdien. Andele og beløb skrives som decimaltekst ("0.125"), antal som tal'),
    unit: z.string().min(1).describe('Enhed, fx "pct.", "personer", "gange landsgennemsnittet"'),
    description: z.string().min(1).describe('Hvad parameteren er, på dansk'),
    source: sourceSchema.optional(),
    status: parameterStatusSchema.optional(),
  })
  .strict();

/** A reference to a named parameter of the same file. */
export const parameterRefSchema = z.object({ parameter: z.string().min(1).describe('Navnet på en parameter i filen') }).strict();
/** A reference to another fact, optionally at a JSON pointer inside it. */
export const factRefSchema = z
  .object({
    fact: z.string().min(1).describe('Navnet på en anden fakta'),
    path: z.string().regex(POINTER_PATTERN, 'skal være en JSON pointer, fx "/beboere"').optional(),
  })
  .strict();

/**
 * True when a condition's `value` is a reference of the given kind,
 * `{ "parameter": … }` or `{ "fact": …, "path"?: … }`, rather than a literal.
 */
export function isRefTo<K extends 'parameter' | 'fact'>(value: unknown, key: K): value is Record<K, string> & { path?: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key);
}

/** Options that let the JSON Schema export enumerate facts and operators, while the loader reports typos itself. */
export interface ConditionSchemaOptions {
  readonly factName: z.ZodType<string>;
  readonly operatorName: z.ZodType<string>;
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

/** Builds the condition schema; `options` chooses how fact and operator names are checked. */
export function makeConditionSchema(options: ConditionSchemaOptions): z.ZodType<ConditionInput> {
  const priority = z.int().min(1).optional().describe('Rækkefølge for json-rules-engine; påvirker ikke resultatet');
  const name = z.string().optional().describe('Valgfrit navn til json-rules-engine');
  // the union is built once and the lazy schema returns that same instance, so the
  // JSON Schema export sees a finite graph and emits a $ref for the recursion
  let union: z.ZodType<ConditionInput> | undefined;
  const condition: z.ZodType<ConditionInput> = z.lazy(() => union as z.ZodType<ConditionInput>);
  union = z.union([
      // never empty: json-rules-engine calls an empty `any` true, three-valued logic calls it false
      z.object({ all: z.array(condition).min(1, 'skal indeholde mindst én betingelse').describe('Alle skal være opfyldt'), priority, name }).strict(),
      z.object({ any: z.array(condition).min(1, 'skal indeholde mindst én betingelse').describe('Mindst én skal være opfyldt'), priority, name }).strict(),
      z.object({ not: condition.describe('Må ikke være opfyldt'), priority, name }).strict(),
      z
        .object({
          atLeast: z.union([z.int().min(0), parameterRefSchema]).describe('Mindst så mange af betingelserne i "of" skal være opfyldt'),
          of: z.array(condition).min(1, 'skal indeholde mindst én betingelse'),
          name,
        })
        .strict(),
      z.object({ condition: z.string().min(1).describe('Navnet på en navngiven betingelse i filens "conditions"'), priority }).strict(),
      z
        .object({
          fact: options.factName.describe('Faktaens navn fra faktakataloget'),
          operator: options.operatorName.describe('Sammenligningen'),
          value: z.union([literalValue, parameterRefSchema, factRefSchema]).describe('Tærsklen: en værdi, {"parameter": …} eller {"fact": …}'),
          path: z.string().regex(POINTER_PATTERN, 'skal være en JSON pointer, fx "/beboere"').optional().describe('JSON pointer ind i faktaens værdi'),
          params: z.record(z.string(), z.unknown()).optional(),
          priority,
          name,
        })
        .strict(),
    ]);
  return condition;
}

/** Builds the whole rule-file schema around a condition schema. */
export function makeRuleSetSchema(condition: z.ZodType<ConditionInput>) {
  const namedCondition = z
    .object({
      title: z.string().min(1).describe('Betingelsens titel på dansk, fx "Over 40 pct. uden for arbejdsmarkedet"'),
      description: z.string().optional(),
      source: sourceSchema.optional(),
      condition,
    })
    .strict();

  const rule = z
    .object({
      id: kebabId.describe('Reglens id, entydigt i filen'),
      title: z.string().min(1).describe('Reglens titel på dansk'),
      description: z.string().optional(),
      source: sourceSchema.optional(),
      priority: z.int().min(1).optional(),
      conditions: condition.describe('Reglens betingelser'),
      event: z
        .object({ type: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() })
        .strict()
        .describe('Hændelsen når reglen er opfyldt'),
    })
    .strict();

  const funder = z
    .object({
      id: kebabId,
      navn: z.string().min(1).describe('Finansieringskildens navn, fx "Landsbyggefonden"'),
      share: decimalString.describe('Andel af det samlede budget som decimaltekst, fx "0.75"'),
      lokal: z.boolean().describe('true for lokal medfinansiering (kommune, boligorganisation, afdelinger)'),
      afdelinger: z.boolean().optional().describe('true hvis andelen fordeles mellem afdelingerne efter en fordelingsnøgle'),
      description: z.string().optional(),
      source: sourceSchema.optional(),
    })
    .strict();

  const financing = z
    .object({
      indsatsKinds: z.array(z.enum(INDSATS_KINDS)).min(1).describe('De indsatstyper ordningen finansierer'),
      maxDurationMonths: z.int().positive().describe('Længste periode i måneder'),
      funders: z.array(funder).describe('Finansieringskilderne; andelene skal summere til præcis 1. Tom liste: kilderne angives pr. projekt'),
    })
    .strict();

  return z
    .object({
      $schema: z.string().optional(),
      id: kebabId.describe('Regelsættets id; alle datede versioner af samme regelsæt har samme id'),
      domain: z.enum(DOMAINS).describe('Hvilket spørgsmål regelsættet besvarer, og dermed hvilke fakta det må bruge'),
      title: z.string().min(1).describe('Regelsættets titel på dansk'),
      description: z.string().optional(),
      effective: z
        .object({
          from: isoDate.describe('Første dag i kraft; filens navn er denne dato'),
          to: isoDate.optional().describe('Sidste dag i kraft (inklusive); udelades for den gældende version'),
        })
        .strict(),
      source: z.union([sourceSchema, z.array(sourceSchema).min(1)]),
      notes: z.array(z.string()).optional().describe('Bemærkninger, fx hvad der er ubekræftet'),
      parameters: z.record(z.string().regex(PARAMETER_NAME_PATTERN), parameterSchema).optional(),
      conditions: z.record(z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9-]*$/), namedCondition).optional(),
      rules: z.array(rule),
      financing: financing.optional(),
    })
    .strict();
}

/** The schema the loader validates with: fact and operator names are checked afterwards, with suggestions. */
export const ruleSetFileSchema = makeRuleSetSchema(makeConditionSchema({ factName: z.string().min(1), operatorName: z.string().min(1) }));

/** A rule file as parsed and schema-checked, before semantic checks. */
export type RuleSetFile = z.infer<typeof ruleSetFileSchema>;
/** A named parameter as written in a file. */
export type ParameterInput = z.infer<typeof parameterSchema>;
/** A source reference as written in a file. */
export type SourceInput = z.infer<typeof sourceSchema>;
