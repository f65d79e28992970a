/**
 * What the lifecycle reads from a lifecycle rule file besides its conditions, declared
 * to the loader: the fact catalogue; the start parameters (each a requirement or a
 * warning), the five stop parameters (numbered as the strategy lists them) and the
 * recommendations, all by rule id; and the thresholds the deadlines and facts use.
 */
import { z } from 'zod';
import { lifecycleFacts } from '../domain/facts/lifecycle.js';
import { defineRuleDomain, type RuleRequirement } from '../rules/rule-domain.js';
import { STOP_PARAMETER_IDS } from './schema.js';

/** The start parameters, as the conditions of the rules `start-<name>` name them, in the order they are shown. */
export const START_PARAMETERS = [
  'screening-anbefaler-typen',
  'ja-fra-alle-afdelinger',
  'lokal-medfinansiering',
  'praekvalifikation',
  'ekstern-finansiering',
  'samarbejdsaftaler',
  'varighed-inden-for-maksimum',
] as const;

/** The recommendations a rule can make (beyond "fortsæt", which holds when none does), highest priority first, as rules `anbefal-<name>`. */
export const ANBEFALING_RULES = ['afslut', 'forbered-ny-helhedsplan', 'forbered-afslutning'] as const;

/** The rule whose outcome is "every start requirement is met". */
export const KAN_STARTE_RULE = 'start-kan-starte';

const requiredRules: readonly RuleRequirement[] = [
  ...START_PARAMETERS.map((name) => ({ id: `start-${name}`, eventType: 'startparameter' })),
  { id: KAN_STARTE_RULE, eventType: 'opstart' },
  ...STOP_PARAMETER_IDS.map((name) => ({ id: `stop-${name}`, eventType: 'stopparameter' })),
  ...ANBEFALING_RULES.map((name) => ({ id: `anbefal-${name}`, eventType: 'anbefaling' })),
];

const months = (description: string) => ({ type: 'integer', unit: 'måneder', description, required: true, min: 1 }) as const;

/** The lifecycle domain's declaration to the loader. */
export const lifecycleRules = defineRuleDomain({
  name: 'lifecycle',
  title: 'Boligsociale indsatsers livsforløb: start- og stopparametre, frister og anbefalinger',
  facts: lifecycleFacts,
  events: {
    startparameter: {
      description: 'En startparameter: et krav, der skal være opfyldt, før indsatsen starter, eller en advarsel',
      params: z.object({ alvor: z.enum(['krav', 'advarsel']).describe('krav: blokerer opstarten; advarsel: vises, men blokerer ikke') }).strict(),
    },
    opstart: { description: 'Alle startkrav er opfyldt', params: undefined },
    stopparameter: {
      description: 'En af strategiens fem stopparametre',
      params: z.object({ nr: z.literal([1, 2, 3, 4, 5]).describe('Stopparameterens nummer i strategiens afsnit 6') }).strict(),
    },
    frist: { description: 'En frist er overskredet', params: undefined },
    anbefaling: {
      description: 'En anbefaling, som en person bekræfter med en hændelse; den første opfyldte i filens rækkefølge gælder',
      params: z.object({ anbefaling: z.enum(ANBEFALING_RULES).describe('Hvad reglen anbefaler') }).strict(),
    },
  },
  parameters: {
    standardVarighedMaaneder: months('Længste varighed, når finansieringsordningen ikke angiver en'),
    forberedelseMaaneder: months('Så mange måneder før slutdatoen begynder forberedelsen af en ny helhedsplan'),
    midtvejsevalueringEfterMaaneder: months('Så mange måneder efter opstart forfalder midtvejsevalueringen'),
    perioderStabilUdvikling: {
      type: 'integer',
      unit: 'måleperioder',
      description: 'Så mange seneste måleperioder skal en indikator have nået målet uden forværring (stopparameter 2)',
      required: true,
      min: 1,
    },
    minAndelIndikatorerPaaMaal: {
      type: 'decimal',
      unit: 'andel af indikatorerne',
      description: 'Mindst denne andel af indikatorerne skal stabilt have nået målet (stopparameter 2)',
      required: true,
    },
  },
  rules: requiredRules,
  check: (file, report) => {
    const first = new Map<unknown, number>();
    file.rules.forEach((rule, i) => {
      if (rule.event.type !== 'stopparameter') return;
      const nr = rule.event.params?.['nr'];
      const earlier = first.get(nr);
      if (earlier === undefined) first.set(nr, i);
      else report('event-params', ['rules', i, 'event', 'params', 'nr'], `stopparameter nr. ${String(nr)} er også regel nr. ${earlier + 1}`, 'Giv hver stopparameter sit eget nummer, 1–5.');
    });
  },
});
