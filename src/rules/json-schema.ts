/**
 * The JSON Schema of rule files, generated from the zod schemas the loader uses, so
 * the editor and the loader can never disagree about the format. Fact and operator
 * names are enumerated here (the loader checks them itself, with suggestions), so the
 * editor autocompletes them.
 */
import { z } from 'zod';
import { allFactNames } from '../domain/facts.js';
import { OPERATOR_NAMES } from '../engine/operators.js';
import { makeConditionSchema, makeRuleSetSchema } from './schema.js';

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
