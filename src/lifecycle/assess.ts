/**
 * The start and stop assessment of one indsats on a date: each start parameter and
 * each of the five stop parameters as opfyldt / ikke opfyldt / ukendt with its
 * evidence, the deadlines, and a recommendation that a person confirms with an event.
 * The library never decides to stop.
 */
import { decideRuleSet, evaluateRuleSet } from '../engine/evaluate.js';
import { AFFORDABILITY_RULE_SET, FOR_HOEJ_UDGIFT_RULE } from '../financing/affordability.js';
import type { CompiledRuleSet, Evaluation, RuleSetInfo, Source, Truth } from '../engine/types.js';
import { envelopeOf, outcomesOf, withEnvelope, type Envelope } from '../engine/envelope.js';
import type { RuleRegistry } from '../rules/registry.js';
import { addDays } from 'date-fns/addDays';
import { parseISO } from 'date-fns/parseISO';
import { computeLifecycleFacts, type LifecycleFacts } from './facts.js';
import { DECISION_NAVN, decisionsDue, indsatsDeadlines, isoDate, type DueDecision, type IndsatsDeadlines } from './deadlines.js';
import { lifecycleParameters } from './parameters.js';
import { checkMetoder, type MetodeTjek } from './metoder.js';
import { ANBEFALING_RULES, KAN_STARTE_RULE, lifecycleRules, START_PARAMETERS } from './rule-domain.js';
import { type Indsats, STOP_PARAMETER_IDS, type StopParameterId } from './schema.js';
import { indsatsState, type IndsatsStatus } from './state.js';
import { requireObject } from '../domain/guard.js';
import { requireIndsats } from './parse.js';

/** The lifecycle rule set's id. */
export const LIFECYCLE_RULE_SET = 'lifecycle';

/** A three-valued result in Danish terms. */
export type Vurdering = 'opfyldt' | 'ikke-opfyldt' | 'ukendt';

/** Danish text of a {@link Vurdering}. */
export const VURDERING_NAVN: Readonly<Record<Vurdering, string>> = Object.freeze({ opfyldt: 'opfyldt', 'ikke-opfyldt': 'ikke opfyldt', ukendt: 'ukendt' });

/** Converts a three-valued truth to a {@link Vurdering}. */
export function vurdering(t: Truth | undefined): Vurdering {
  return t === true ? 'opfyldt' : t === false ? 'ikke-opfyldt' : 'ukendt';
}

/** One assessed parameter: a rule of the lifecycle rule set, its result and evidence. */
export interface ParameterResult {
  /** The rule id, e.g. `start-lokal-medfinansiering` or `stop-maal-naaet`. */
  readonly id: string;
  /** The named condition behind it. */
  readonly condition: string;
  readonly titel: string;
  /** The result in Danish terms (for tables and text). */
  readonly resultat: Vurdering;
  /** The same result as every answer gives outcomes: true, false or null (unknown). */
  readonly outcome: Truth;
  readonly evidens: readonly string[];
  readonly kilde?: Source;
}

/** A start parameter: a requirement (krav) blocks the start; a warning (advarsel) does not. */
export interface StartParameterResult extends ParameterResult {
  readonly alvor: 'krav' | 'advarsel';
}

/** A stop parameter: one of the five, numbered as the strategy lists them. */
export interface StopParameterResult extends ParameterResult {
  readonly nr: number;
  readonly parameter: StopParameterId;
}

/** The recommendations the library can make. */
export type AnbefalingKind = 'fortsaet' | 'forbered-afslutning' | 'afslut' | 'forbered-ny-helhedsplan';

/** Danish text of the recommendations. */
export const ANBEFALING_NAVN: Readonly<Record<AnbefalingKind, string>> = Object.freeze({
  fortsaet: 'fortsæt',
  'forbered-afslutning': 'forbered afslutning',
  afslut: 'afslut',
  'forbered-ny-helhedsplan': 'forbered ny helhedsplan',
});

/** The recommendation with why, and whether an unknown could change it. */
export interface Anbefaling {
  readonly anbefaling: AnbefalingKind;
  readonly begrundelse: readonly string[];
  /** Rule ids of higher-priority recommendations that were unknown (the answer could change when the facts are known). */
  readonly usikker: readonly string[];
}

/**
 * Everything known about one indsats on one date, in the envelope every answer carries:
 * `ruleSets` are the lifecycle rule set and, when they were read, the financing scheme's
 * and the affordability rule set; `outcomes` are the lifecycle rules' outcomes;
 * `evaluations` (not serialised: the same tree is under `evaluation`) holds `evaluation`.
 */
export interface IndsatsAssessment extends Envelope {
  readonly indsatsId: string;
  readonly asOf: string;
  readonly status: IndsatsStatus;
  readonly deadlines: IndsatsDeadlines;
  /** Start parameters, as of the start (or as of asOf while it is being prepared). */
  readonly start: readonly StartParameterResult[];
  /** Whether every start requirement is met (warnings excluded). */
  readonly kanStarte: Vurdering;
  /**
   * Rule ids of the start requirements (alvor `krav`) assessed as not met although the
   * indsats has started: empty before the start and when every requirement held.
   */
  readonly startkravBrudt: readonly string[];
  /**
   * The method check, a start warning (not a requirement): each activity against the
   * methods catalogue in force at the start, and the share of documented activities.
   */
  readonly metoder: MetodeTjek;
  /** The date the start parameters were assessed at. */
  readonly startVurderetPr: string;
  readonly stop: readonly StopParameterResult[];
  /** For an indsats in progress or being ended; null before the start and after the end. */
  readonly anbefaling: Anbefaling | null;
  readonly frister: readonly DueDecision[];
  /** The engine's explained evaluation, for `formatExplanation`. */
  readonly evaluation: Evaluation;
  readonly facts: LifecycleFacts;
}

/** Options of an assessment. */
export interface AssessOptions {
  readonly asOf: string;
  /** Months ahead that a decision counts as due (default 12). */
  readonly horizonMonths?: number;
  /** The rules to use; default the package's shipped rules. */
  readonly rules?: RuleRegistry;
  /** Conditions or rules of the lifecycle rule set to switch off (they count as not met), e.g. for a what-if. */
  readonly disable?: readonly string[];
}

function schemeMax(registry: RuleRegistry, scheme: string, date: string, used: RuleSetInfo[]): { months: number; scheme: string } | undefined {
  if (!registry.ids().includes(scheme)) return undefined;
  try {
    const schemeRules = registry.inForce(scheme, date);
    const months = schemeRules.financing?.maxDurationMonths;
    if (months === undefined) return undefined;
    used.push(schemeRules.info);
    return { months, scheme };
  } catch {
    return undefined;
  }
}

/**
 * {@link assessIndsats} under the rules given (the domain core: `options.rules` is not
 * read, and nothing is loaded from disk).
 *
 * @throws {import('./state.js').LifecycleEventError} when its event log breaks an event rule up to asOf.
 * @throws {import('../errors.js').BoligsocialError} `no-rules-in-force` when no lifecycle rules cover asOf.
 */
export function assessIndsatsWith(registry: RuleRegistry, indsats: Indsats, options: AssessOptions): IndsatsAssessment {
  requireObject(options, { da: 'indstillingerne (options)', en: 'options' });
  requireIndsats(indsats);
  const { asOf } = options;
  const rs = registry.inForce(LIFECYCLE_RULE_SET, asOf);
  const parameters = lifecycleParameters(rs);
  const status = indsatsState(indsats, { asOf });
  const deadlines = indsatsDeadlines(indsats, status, parameters);
  const used: RuleSetInfo[] = [rs.info];
  const facts = computeLifecycleFacts(indsats, {
    asOf,
    status,
    deadlines,
    parameters,
    minAndelIndikatorerPaaMaal: lifecycleRules.parameter(rs, 'minAndelIndikatorerPaaMaal'),
    schemeMaxMonths: schemeMax(registry, indsats.finansieringsordning, status.bevilling?.date ?? status.startDato ?? asOf, used),
    affordability: affordabilityRule(registry, asOf, used),
  });
  const evaluation = evaluateRuleSet(rs, facts.facts, options.disable !== undefined && options.disable.length > 0 ? { disable: options.disable } : {});
  const rule = (id: string) => rs.rules.find((r) => r.id === id);
  const result = (ruleId: string, condition: string): ParameterResult => {
    const r = rule(ruleId);
    const base = {
      id: ruleId,
      condition,
      titel: r?.title ?? ruleId,
      resultat: vurdering(evaluation.outcomes[ruleId]),
      outcome: evaluation.outcomes[ruleId] ?? null,
      evidens: facts.evidence[condition] ?? [],
    };
    return r?.source === undefined ? base : { ...base, kilde: r.source };
  };
  const start = START_PARAMETERS.map((c) => Object.freeze({ ...result(`start-${c}`, c), alvor: lifecycleRules.requiredEventParams(rs, `start-${c}`, 'startparameter').alvor }));
  const stop = STOP_PARAMETER_IDS.map((c) => Object.freeze({ ...result(`stop-${c}`, c), nr: lifecycleRules.requiredEventParams(rs, `stop-${c}`, 'stopparameter').nr, parameter: c }));
  const anbefaling = recommend(rs, status, deadlines, evaluation, stop, asOf);
  let frister = decisionsDue(indsats, status, deadlines, { asOf, horizonMonths: options.horizonMonths ?? 12 });
  if (anbefaling?.anbefaling === 'afslut' && status.tilstand === 'i-gang') {
    frister = Object.freeze([
      Object.freeze({ kind: 'vurder-afslutning' as const, titel: DECISION_NAVN['vurder-afslutning'], dato: asOf, dageTil: 0, forfalden: false }),
      ...frister,
    ]);
  }
  const envelope = envelopeOf({ ruleSets: used, asOf, outcomes: outcomesOf(evaluation), mangler: evaluation.missingFacts, evaluations: [evaluation] });
  const assessment = {
    indsatsId: indsats.id,
    asOf,
    status,
    deadlines,
    start: Object.freeze(start),
    kanStarte: vurdering(evaluation.outcomes[KAN_STARTE_RULE]),
    startkravBrudt: Object.freeze(status.startDato === null ? [] : start.filter((p) => p.alvor === 'krav' && p.resultat === 'ikke-opfyldt').map((p) => p.id)),
    metoder: checkMetoder(indsats, { katalog: registry.metoder?.(facts.startReference), vurderetPr: facts.startReference }),
    startVurderetPr: facts.startReference,
    stop: Object.freeze(stop),
    anbefaling,
    frister,
    evaluation,
    facts,
  };
  return withEnvelope(assessment, envelope, { hideEvaluations: true });
}

function recommend(
  rs: CompiledRuleSet,
  status: IndsatsStatus,
  deadlines: IndsatsDeadlines,
  evaluation: Evaluation,
  stop: readonly StopParameterResult[],
  asOf: string,
): Anbefaling | null {
  if (status.tilstand !== 'i-gang' && status.tilstand !== 'under-afslutning') return null;
  const usikker: string[] = [];
  let pick: AnbefalingKind = 'fortsaet';
  for (const name of ANBEFALING_RULES) {
    const ruleId = `anbefal-${name}`;
    const o = evaluation.outcomes[ruleId];
    if (o === true) {
      pick = lifecycleRules.requiredEventParams(rs, ruleId, 'anbefaling').anbefaling;
      break;
    }
    if (o === null || o === undefined) usikker.push(ruleId);
  }
  const begrundelse: string[] = [];
  const met = stop.filter((s) => s.resultat === 'opfyldt');
  if (met.length) begrundelse.push(`Stopparametre opfyldt: ${met.map((s) => s.nr).join(', ')}`);
  const unknown = stop.filter((s) => s.resultat === 'ukendt');
  if (unknown.length) begrundelse.push(`Stopparametre ukendt: ${unknown.map((s) => s.nr).join(', ')}`);
  const expired = deadlines.slutDato !== null && isoDate(addDays(parseISO(deadlines.slutDato), 1)) <= asOf;
  if (status.tilstand === 'under-afslutning' && pick !== 'forbered-ny-helhedsplan') {
    pick = 'afslut';
    begrundelse.push('Der er truffet beslutning om afslutning');
  } else if (expired && (pick === 'fortsaet' || pick === 'forbered-afslutning')) {
    pick = 'afslut';
    begrundelse.push('Perioden er udløbet uden forlængelse');
  }
  if (pick === 'forbered-ny-helhedsplan') begrundelse.push('Behovet består, og slutdatoen er inden for forberedelsestiden');
  return Object.freeze({ anbefaling: pick, begrundelse: Object.freeze(begrundelse), usikker: Object.freeze(usikker) });
}

/**
 * Financing's verdict "en for høj økonomisk udgift" for a cost per lejemål per year,
 * from the affordability rule in force on `asOf` (absent when the registry has none).
 * Only the cost is known here, so the rent-share criterion is unknown: the verdict is
 * true above the kroner limit and otherwise unknown, never a silent "no".
 */
function affordabilityRule(registry: RuleRegistry, asOf: string, used: RuleSetInfo[]): ((udgift: string) => { forHoejUdgift: Truth; ruleSet: string }) | undefined {
  if (registry.versions(AFFORDABILITY_RULE_SET).length === 0) return undefined;
  let rs: CompiledRuleSet;
  try {
    rs = registry.inForce(AFFORDABILITY_RULE_SET, asOf);
  } catch {
    return undefined;
  }
  return (udgift) => {
    used.push(rs.info);
    return {
      forHoejUdgift: decideRuleSet(rs, { udgiftPrLejemaalPrAar: udgift }).outcomes[FOR_HOEJ_UDGIFT_RULE] ?? null,
      ruleSet: `${rs.info.id} ${rs.info.version}`,
    };
  };
}
