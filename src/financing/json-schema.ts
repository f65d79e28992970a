/** The JSON Schema of financing-plan files, generated from the zod schema the plan reader validates with. */
import { editorJsonSchema, type JsonSchema } from '../domain/json-schema.js';
import { planFileSchema } from './input.js';

/** The JSON Schema of financing-plan files (draft-07), as committed in `rules/financing-plan.schema.json`. */
export function financingPlanJsonSchema(): JsonSchema {
  return editorJsonSchema(planFileSchema, {
    id: 'https://fsb.dk/boligsocial/financing-plan.schema.json',
    title: 'Finansieringsplan for @fsb/boligsocial',
    description: 'En finansieringsplan: ordning, budget, deltagende afdelinger, fordelingsnøgle og eventuelt finansieringskilderne. Beløb og andele skrives som decimaltekst ("12000000.00", "0.125").',
  });
}
