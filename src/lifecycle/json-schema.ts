/** The JSON Schema of indsats files, generated from the zod schema the lifecycle reads them with. */
import { editorJsonSchema, type JsonSchema } from '../domain/json-schema.js';
import { indsatsSchema } from './schema.js';

/** The JSON Schema of indsats files (an indsats and its event log, draft-07), as committed in `rules/indsats.schema.json`. */
export function indsatsJsonSchema(): JsonSchema {
  return editorJsonSchema(indsatsSchema, {
    id: 'https://fsb.dk/boligsocial/indsats.schema.json',
    title: 'Indsatsfil for @fsb/boligsocial',
    description: 'En boligsocial indsats: type, afdelinger, mål, aktiviteter og de daterede hændelser.',
  });
}
