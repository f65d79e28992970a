/**
 * What screening reads from a screening rule file besides its conditions, declared to
 * the loader: the fact catalogue, the params of the `indikator` and `anbefaling` events
 * (which indicator, social or not, the mål and indsatsområder; which kind of indsats),
 * and the parameter `minTryghedRespondenter`.
 */
import { z } from 'zod';
import { screeningFacts } from '../domain/facts/screening.js';
import { defineRuleDomain } from '../rules/rule-domain.js';
import { INDSATSOMRAADER } from './maal.js';

/** The kinds of indsats the screening recommends (the three project kinds and the permanent kontaktpersonordning). */
export const ANBEFALING_KINDS = ['helhedsplan', 'lokalt-udviklingsprojekt', 'boligsocial-ejendomsfunktionaer', 'kontaktpersonordning'] as const;

/** A recommended kind of indsats. */
export type AnbefalingKind = (typeof ANBEFALING_KINDS)[number];

const maalNr = z.literal([1, 2, 3, 4]).describe('Nummeret på et af fsb\'s fire mål (strategiens afsnit 2)');
const omraade = z.enum(INDSATSOMRAADER).describe('Et indsatsområde fra strategiens afsnit 5');
const fraIndikatorer = z.literal('fra-indikatorer').describe('Foreningen af de flagede indikatorers');

/** The params of an `indikator` event. */
export const indikatorParamsSchema = z
  .object({
    indikator: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'skal være kebab-case, fx "hoej-husleje"').describe('Indikatorens id, entydigt i filen'),
    social: z.boolean().describe('true for en social indikator (tæller med i "minSocialeIndikatorerHelhedsplan")'),
    maal: z.array(maalNr).describe('De mål, indikatoren peger på'),
    indsatsomraader: z.array(omraade).describe('De indsatsområder, indikatoren peger på'),
  })
  .strict();

/** The params of an `anbefaling` event. */
export const anbefalingParamsSchema = z
  .object({
    indsats: z.enum(ANBEFALING_KINDS).describe('Den type indsats, reglen anbefaler'),
    maal: z.union([z.array(maalNr), fraIndikatorer]).describe('Indsatsens mål, eller "fra-indikatorer"'),
    indsatsomraader: z.union([z.array(omraade), fraIndikatorer]).describe('Indsatsens indsatsområder, eller "fra-indikatorer"'),
  })
  .strict();

/** The screening domain's declaration to the loader. */
export const screeningRules = defineRuleDomain({
  name: 'screening',
  title: 'Screening af afdelinger: problemindikatorer og den indsats, der passer',
  facts: screeningFacts,
  events: {
    indikator: { description: 'En problemindikator fra strategiens afsnit 5; flaget, når reglen er opfyldt', params: indikatorParamsSchema },
    anbefaling: { description: 'En anbefalet type indsats; anbefalet, når reglen er opfyldt', params: anbefalingParamsSchema },
  },
  parameters: {
    minTryghedRespondenter: {
      type: 'integer',
      unit: 'besvarelser',
      description: 'Færre besvarelser i tryghedsundersøgelsen gør utryghed ukendt (standard 1)',
      required: false,
      min: 1,
    },
  },
  check: (file, report) => {
    const seen = new Map<string, number>();
    file.rules.forEach((rule, i) => {
      const id = rule.event.type === 'indikator' ? rule.event.params?.['indikator'] : undefined;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else report('event-params', ['rules', i, 'event', 'params', 'indikator'], `indikatoren "${id}" er også regel nr. ${first + 1}`, 'Giv indikatoren et entydigt id.');
    });
  },
});
