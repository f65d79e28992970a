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
import { INDSATS_KINDS } from '../domain/indsats.js';
import { DECIMAL_STRING } from '../domain/decimal.js';
import { isoDateSchema as isoDate } from '../domain/calendar.js';
import { type ConditionInput, literalValueSchema, makeConditionSchema } from '../engine/grammar.js';
import type { RuleSetDefinition } from '../engine/definition.js';

/** A kebab-case identifier: rule ids, rule-set ids, condition names. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A parameter name: camelCase ASCII. */
export const PARAMETER_NAME_PATTERN = /^[a-z][a-zA-Z0-9]*$/;
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

/** A named parameter: a threshold or constant that conditions reference instead of a bare number. */
export const parameterSchema = z
  .object({
    value: literalValueSchema.describe('Værdien. Andele og beløb skrives som decimaltekst ("0.125"), antal som tal'),
    unit: z.string().min(1).describe('Enhed, fx "pct.", "personer", "gange landsgennemsnittet"'),
    description: z.string().min(1).describe('Hvad parameteren er, på dansk'),
    source: sourceSchema.optional(),
    status: parameterStatusSchema.optional(),
  })
  .strict();

/**
 * What the rule-file schema is built around: the loader's takes any domain, event and
 * parameter names (and checks them against the domain's declaration afterwards); the
 * JSON Schema of one domain enumerates its own.
 */
export interface RuleSetSchemaParts<D extends z.ZodType<string>, E extends z.ZodType, P extends z.ZodType> {
  readonly condition: z.ZodType<ConditionInput>;
  /** The schema of `domain`. */
  readonly domain: D;
  /** The schema of a rule's `event`. */
  readonly event: E;
  /** The schema of `parameters`. */
  readonly parameters: P;
}

/** The generic event: a type and any params; the domain's declaration says more. */
export const eventSchema = z
  .object({ type: z.string().min(1).describe('Hændelsestypen'), params: z.record(z.string(), z.unknown()).optional().describe('Hændelsens parametre, som domænet læser') })
  .strict()
  .describe('Hændelsen når reglen er opfyldt');

/** Any named parameters, by camelCase name. */
export const parametersSchema = z.record(z.string().regex(PARAMETER_NAME_PATTERN), parameterSchema).describe('Navngivne parametre, som betingelserne henviser til i stedet for tal');

/** The period a version is in force. */
export const effectiveSchema = z
  .object({
    from: isoDate.describe('Første dag i kraft; filens navn er denne dato'),
    to: isoDate.optional().describe('Sidste dag i kraft (inklusive); udelades for den gældende version'),
  })
  .strict();

const funderSchema = z
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

/** The financing section of a financing scheme. */
export const financingSchema = z
  .object({
    indsatsKinds: z.array(z.enum(INDSATS_KINDS)).min(1).describe('De indsatstyper ordningen finansierer'),
    maxDurationMonths: z.int().positive().describe('Længste periode i måneder'),
    funders: z.array(funderSchema).describe('Finansieringskilderne; andelene skal summere til præcis 1. Tom liste: kilderne angives pr. projekt'),
  })
  .strict()
  .describe('Finansieringsordningen: indsatstyper, længste varighed og finansieringskilder');

/** The rule-file schema around `parts`, with the inner schemas that the JSON Schema names. */
export function makeRuleSetParts<D extends z.ZodType<string>, E extends z.ZodType, P extends z.ZodType>(parts: RuleSetSchemaParts<D, E, P>) {
  const { condition } = parts;
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
      event: parts.event,
    })
    .strict();

  const shape = {
    $schema: z.string().optional().describe('Stien til regelfilernes JSON Schema, fx "../rule-set.schema.json"'),
    id: kebabId.describe('Regelsættets id; alle datede versioner af samme regelsæt har samme id'),
    domain: parts.domain,
    title: z.string().min(1).describe('Regelsættets titel på dansk'),
    description: z.string().optional(),
    effective: effectiveSchema,
    source: z.union([sourceSchema, z.array(sourceSchema).min(1)]),
    notes: z.array(z.string()).optional().describe('Bemærkninger, fx hvad der er ubekræftet'),
    parameters: parts.parameters.optional(),
    conditions: z.record(z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9-]*$/), namedCondition).optional().describe('Navngivne betingelser, fx lovens kriterier'),
    rules: z.array(rule),
    financing: financingSchema.optional(),
  };
  return { ruleSet: z.object(shape).strict(), rule, namedCondition };
}

/** The schema the loader validates with: fact and operator names are checked afterwards, with suggestions. */
export const ruleSetFileSchema = makeRuleSetParts({
  condition: makeConditionSchema({ factName: z.string().min(1), operatorName: z.string().min(1) }),
  domain: z.string().min(1).describe('Hvilket spørgsmål regelsættet besvarer, og dermed hvilke fakta, hændelser og parametre det må bruge'),
  event: eventSchema,
  parameters: parametersSchema,
}).ruleSet;

/** A rule file as parsed and schema-checked, before semantic checks. */
export type RuleSetFile = z.infer<typeof ruleSetFileSchema>;
/** A named parameter as written in a file. */
export type ParameterInput = z.infer<typeof parameterSchema>;
/** A source reference as written in a file. */
export type SourceInput = z.infer<typeof sourceSchema>;

// the engine compiles what the loader validated: a schema-checked file must be a rule-set
// definition (a compile-time check; tsc fails here if the two drift apart)
type Satisfies<T extends U, U> = T;
type _RuleSetFileIsDefinition = Satisfies<RuleSetFile, RuleSetDefinition>;
