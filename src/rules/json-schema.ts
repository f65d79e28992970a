/**
 * The JSON Schema of rule files, generated from the zod schemas the loader uses, so
 * the editor and the loader can never disagree about the format. Fact and operator
 * names are enumerated here (the loader checks them itself, with suggestions), so the
 * editor autocompletes them.
 */
import { z } from 'zod';
import { allFactNames } from '../domain/facts.js';
import { OPERATOR_NAMES } from '../engine/operators.js';
import { isoDateSchema } from '../domain/calendar.js';
import { afdelingSchema } from '../domain/afdeling.js';
import { planFileSchema } from '../financing/input.js';
import { indsatsSchema } from '../lifecycle/schema.js';
import { andelExpectedSchema, maalBenchmarkExpectedSchema, metoderExpectedSchema, scenarioSchema } from '../scenarios/schema.js';
import { makeConditionSchema, makeRuleSetSchema } from './schema.js';
import { metoderJsonSchemaText } from './metoder-schema.js';

/** The rule-file JSON Schema (draft-07, which every editor understands), as a JSON value. */
export function ruleSetJsonSchema(): Record<string, unknown> {
  const facts = allFactNames();
  const factName = facts.length > 0 ? z.enum(facts as [string, ...string[]]) : z.string();
  const operatorName = z.enum(OPERATOR_NAMES as [string, ...string[]]);
  const schema = makeRuleSetSchema(makeConditionSchema({ factName, operatorName }));
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...json,
    $id: 'https://fsb.dk/boligsocial/rule-set.schema.json',
    title: 'Regelfil for @fsb/boligsocial',
    description: 'Et dateret regelsæt: betingelser i json-rules-engines grammatik med kilder, parametre og ikrafttræden.',
  };
}

/** The JSON Schema as the text committed in `rules/rule-set.schema.json`. */
export function ruleSetJsonSchemaText(): string {
  return `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`;
}

/**
 * The JSON Schema of policy-scenario files (draft-07): one branch per form (the input
 * key says which), the domain inputs as named definitions.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const names = z.registry<{ id: string }>();
  names.add(isoDateSchema, { id: 'dato' });
  names.add(afdelingSchema, { id: 'afdeling' });
  names.add(indsatsSchema, { id: 'indsats' });
  names.add(planFileSchema, { id: 'finansieringsplan' });
  names.add(andelExpectedSchema, { id: 'andel' });
  names.add(metoderExpectedSchema, { id: 'metodetjek' });
  names.add(maalBenchmarkExpectedSchema, { id: 'benchmarkmaal' });
  const json = oneTypePerSchema(z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input', metadata: names })) as Record<string, unknown>;
  return {
    ...json,
    $id: 'https://fsb.dk/boligsocial/scenario.schema.json',
    title: 'Scenariefil for @fsb/boligsocial',
    description:
      'Et politisk scenarie: ét input og det udfald, en analytiker forventer. Inputtet er "boligomraade" (+ "historik"): klassifikation; "afdeling": screening; "indsats": livsforløb; "benchmark": indsatser benchmarket pr. mål; "plan": finansiering; "facts": fakta direkte til ét regelsæt. Kun de forventninger, der er skrevet, kontrolleres.',
  };
}

/** Keywords that only annotate a schema (they constrain no type). */
const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples', 'markdownDescription']);

/**
 * The JSON Schema with every `"type": [a, b]` written as `"anyOf": [{"type": a}, {"type": b}]`,
 * as ajv's strict mode (strictTypes) requires. Only schemas that hold nothing but their
 * types and annotations are rewritten; any other keyword beside a union type is a
 * programming error here, so a schema change that needs more is noticed.
 */
function oneTypePerSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(oneTypePerSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'properties' || key === 'definitions' ? mapValues(value) : oneTypePerSchema(value);
  const types = out.type;
  if (!Array.isArray(types) || types.length < 2) return out;
  const { type: _type, ...rest } = out;
  const other = Object.keys(rest).filter((k) => !ANNOTATIONS.has(k));
  if (other.length > 0) throw new Error(`oneTypePerSchema: a union type beside ${other.join(', ')} needs its keywords split by type`);
  return { ...rest, anyOf: types.map((t) => ({ type: t })) };
}

function mapValues(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, oneTypePerSchema(v)]));
}

/** The scenario JSON Schema as the text committed in `rules/scenario.schema.json`. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** The JSON Schema of indsats files (an indsats and its event log), draft-07. */
export function indsatsJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(indsatsSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...json,
    $id: 'https://fsb.dk/boligsocial/indsats.schema.json',
    title: 'Indsatsfil for @fsb/boligsocial',
    description: 'En boligsocial indsats: type, afdelinger, mål, aktiviteter og de daterede hændelser.',
  };
}

/** The JSON Schemas the package ships, by kind, as the text of their files in `rules/`. */
export const JSON_SCHEMAS: Readonly<Record<'rule-set' | 'scenario' | 'indsats' | 'metoder', { readonly file: string; readonly text: () => string }>> = Object.freeze({
  'rule-set': { file: 'rules/rule-set.schema.json', text: ruleSetJsonSchemaText },
  scenario: { file: 'rules/scenario.schema.json', text: scenarioJsonSchemaText },
  indsats: { file: 'rules/indsats.schema.json', text: () => `${JSON.stringify(indsatsJsonSchema(), null, 2)}\n` },
  metoder: { file: 'rules/metoder.schema.json', text: metoderJsonSchemaText },
});
