/**
 * What classification reads from a classification rule file besides its conditions,
 * declared to the loader: the fact catalogue; every rule's category (`event.params.kategori`)
 * and its Danish name in that version; the history requirement `minAarIRaekke` (required
 * when the file has the omdannelse category); and the switch `forebyggelseUdelukkerUdsatte`.
 */
import { z } from 'zod';
import { classificationFacts } from '../domain/facts/classification.js';
import { defineRuleDomain } from '../rules/rule-domain.js';
import { KATEGORIER } from './types.js';

/** The params of every classification rule's event: which category the rule is, and its name in this version. */
export const kategoriParamsSchema = z
  .object({
    kategori: z.enum(KATEGORIER).describe('Kategorien med 2021-navnene: udsat, parallelsamfund (før 2021: ghettoområde), omdannelse (hårdt ghettoområde), forebyggelse'),
    navn: z.string().min(1).describe('Kategoriens danske navn i denne version, fx "hårdt ghettoområde"'),
  })
  .strict();

/** The classification domain's declaration to the loader. */
export const classificationRules = defineRuleDomain({
  name: 'classification',
  title: 'Klassifikation af boligområder efter almenboligloven § 61 a og § 61 b',
  facts: classificationFacts,
  events: {},
  otherEvents: { description: 'En lovbestemt kategori; hændelsestypen er kategoriens navn i loven, fx "haardt-ghettoomraade"', params: kategoriParamsSchema },
  parameters: {
    minAarIRaekke: {
      type: 'integer',
      unit: 'lister i træk',
      description: 'Lister i træk som ghettoområde/parallelsamfund, før et område er hårdt ghettoområde/omdannelsesområde',
      required: false,
      min: 1,
    },
    forebyggelseUdelukkerUdsatte: {
      type: 'boolean',
      unit: 'ja/nej',
      description: 'Om et udsat boligområde er udelukket fra at være forebyggelsesområde',
      required: false,
    },
  },
  check: (file, report) => {
    const first = new Map<string, number>();
    file.rules.forEach((rule, i) => {
      const kategori = rule.event.params?.['kategori'];
      if (typeof kategori !== 'string') return;
      const earlier = first.get(kategori);
      if (earlier === undefined) first.set(kategori, i);
      else report('event-params', ['rules', i, 'event', 'params', 'kategori'], `kategorien "${kategori}" er også regel nr. ${earlier + 1}`, 'Hver kategori har én regel i en version; slet eller ret den ene.');
    });
    if (first.has('omdannelse') && !Object.hasOwn(file.parameters ?? {}, 'minAarIRaekke')) {
      report(
        'missing-parameter',
        file.parameters === undefined ? [] : ['parameters'],
        'kategorien "omdannelse" kræver parameteren "minAarIRaekke" (lister i træk som parallelsamfund)',
        'Tilføj under "parameters": "minAarIRaekke": { "value": 5, "unit": "lister i træk", "description": "…" }.',
      );
    }
  },
});
