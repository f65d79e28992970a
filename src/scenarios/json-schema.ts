/** The JSON Schema of policy-scenario files, generated from the zod schema the scenario runner validates with. */
import { editorJsonSchema, type JsonSchema } from '../domain/json-schema.js';
import { scenarioSchema } from './schema.js';

/** The JSON Schema of scenario files (draft-07), as committed in `rules/scenario.schema.json`. */
export function scenarioJsonSchema(): JsonSchema {
  return editorJsonSchema(scenarioSchema, {
    id: 'https://fsb.dk/boligsocial/scenario.schema.json',
    title: 'Scenariefil for @fsb/boligsocial',
    description: 'Et politisk scenarie: fakta, dato og de udfald, en analytiker forventer.',
  });
}
