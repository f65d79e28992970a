/**
 * The format of a methods catalogue (`rules/metoder/<YYYY-MM-DD>.json`): the documented
 * methods fsb draws on, each with the source that documents it and the indsatsområder it
 * serves. Described once with zod; the loader validates with it and the editor's JSON
 * Schema (`rules/metoder.schema.json`) is generated from it.
 *
 * A catalogue is a dated snapshot: it holds from its date until the next catalogue takes
 * effect, so it has `effective.from` only.
 */
import { z } from 'zod';
import { isoDateSchema as isoDate } from '../domain/calendar.js';
import { INDSATSOMRAADER } from '../domain/maal.js';
import { ID_PATTERN, parameterStatusSchema, sourceSchema } from './schema.js';

/** The id every methods catalogue carries. */
export const METODER_ID = 'metoder';

const kebabId = z.string().regex(ID_PATTERN, 'skal være kebab-case: små bogstaver, tal og bindestreger (fx "lektiecafe")');

/** One documented method. */
export const metodeSchema = z
  .object({
    id: kebabId.describe('Metodens id; en aktivitet i en indsats henviser til det med "metode"'),
    navn: z.string().min(1).describe('Metodens navn på dansk, som kilden skriver det'),
    kilde: sourceSchema.describe('Kilden der dokumenterer metoden, fx en udgivelse fra Center for Boligsocial Udvikling'),
    indsatsomraader: z.array(z.enum(INDSATSOMRAADER)).min(1, 'skal nævne mindst ét indsatsområde').describe('De indsatsområder metoden tjener (strategiens afsnit 5)'),
    status: parameterStatusSchema.optional().describe('bekræftet, ubekræftet eller fsb-politik; udeladt: katalogets status'),
    note: z.string().optional().describe('Bemærkning, fx hvad der er ubekræftet'),
  })
  .strict();

/** The whole methods-catalogue file. */
export const metodeKatalogFileSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.literal(METODER_ID).describe('Altid "metoder"'),
    title: z.string().min(1).describe('Katalogets titel på dansk'),
    description: z.string().optional(),
    effective: z
      .object({ from: isoDate.describe('Første dag i kraft; filens navn er denne dato. Kataloget gælder, til det næste træder i kraft') })
      .strict(),
    status: parameterStatusSchema.describe('Hele katalogets status; et ubekræftet katalog skal bekræftes af fsb'),
    source: z.union([sourceSchema, z.array(sourceSchema).min(1)]),
    notes: z.array(z.string()).optional().describe('Bemærkninger, fx hvad der er ubekræftet'),
    metoder: z.array(metodeSchema).min(1, 'skal indeholde mindst én metode'),
  })
  .strict();

/** A methods-catalogue file as parsed and schema-checked. */
export type MetodeKatalogFile = z.infer<typeof metodeKatalogFileSchema>;

/** The JSON Schema of methods-catalogue files (draft-07), as the text committed in `rules/metoder.schema.json`. */
export function metoderJsonSchemaText(): string {
  const json = z.toJSONSchema(metodeKatalogFileSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const schema = {
    ...json,
    $id: 'https://fsb.dk/boligsocial/metoder.schema.json',
    title: 'Metodekatalog for @fsb/boligsocial',
    description: 'De dokumenterede metoder fsb trækker på: navn, den kilde der dokumenterer metoden, og de indsatsområder den tjener.',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
