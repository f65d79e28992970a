/** The JSON Schema of policy-scenario files, generated from the zod schema the scenario runner validates with. */
import { afdelingSchema } from '../domain/afdeling.js';
import { isoDateSchema } from '../domain/calendar.js';
import { editorJsonSchema, type JsonSchema, SchemaNames } from '../domain/json-schema.js';
import { planFileSchema } from '../financing/input.js';
import { indsatsSchema } from '../lifecycle/schema.js';
import { andelExpectedSchema, maalBenchmarkExpectedSchema, metoderExpectedSchema, scenarioSchema } from './schema.js';

/**
 * The JSON Schema of scenario files (draft-07), as committed in `rules/scenario.schema.json`:
 * one branch per form (the input key says which), the domain inputs as named definitions.
 */
export function scenarioJsonSchema(): JsonSchema {
  const names = new SchemaNames();
  names.name(isoDateSchema, 'dato');
  names.name(afdelingSchema, 'afdeling');
  names.name(indsatsSchema, 'indsats');
  names.name(planFileSchema, 'finansieringsplan');
  names.name(andelExpectedSchema, 'andel');
  names.name(metoderExpectedSchema, 'metodetjek');
  names.name(maalBenchmarkExpectedSchema, 'benchmarkmaal');
  return editorJsonSchema(
    scenarioSchema,
    {
      id: 'https://fsb.dk/boligsocial/scenario.schema.json',
      title: 'Scenariefil for @fsb/boligsocial',
      description:
        'Et politisk scenarie: ét input og det udfald, en analytiker forventer. Inputtet er "boligomraade" (+ "historik"): klassifikation; "afdeling": screening; "indsats": livsforløb; "benchmark": indsatser benchmarket pr. mål; "plan": finansiering; "facts": fakta direkte til ét regelsæt. Kun de forventninger, der er skrevet, kontrolleres.',
    },
    names,
  );
}
