/**
 * The compact screening result. What every caller reads at once — the period, the
 * outcomes' flags, the conclusion, what is missing — is computed when the afdeling is
 * screened. The rest — the indicators with their figures, the recommendations, the
 * changes since the previous period, the conclusion's sentence and the explanation tree —
 * is built when first read, then kept: own enumerable getters on a frozen object, so
 * JSON, spreading and deep equality see the same answer as before. A result keeps only
 * its outcomes and references to the afdeling it screened (validated, so deep-frozen: the
 * facts rebuilt from it are the facts decided), its rule set and options — well under a
 * kilobyte until something reads it. It carries the
 * envelope every answer carries (`ruleSets`, `asOf`, `packageVersion`, `outcomes`,
 * `mangler`, and `evaluations`, not enumerable beside `evaluation`).
 */
import type { Afdeling, ScreeningPeriode } from '../domain/afdeling.js';
import { evaluateRuleSet, trustedDecider } from '../engine/evaluate.js';
import type { CompiledRuleSet, EvaluateOptions, Evaluation, IsoDate, RuleEvaluation, RuleSetInfo, Truth } from '../engine/types.js';
import type { RuleOutcome } from '../engine/envelope.js';
import { PACKAGE_VERSION } from '../version.js';
import type { Mutable } from '../domain/freeze.js';
import { changesSince, NO_CHANGES } from './changes.js';
import { konklusionOf, konklusionTekst } from './conclusion.js';
import { exactPeriodFacts, type FactOptions, type PeriodFacts } from './facts.js';
import { indsatsomraadeList, maalList } from './maal.js';
import { ANBEFALING_NAVN, type IndikatorMeta, leaves, type ScreeningMeta } from './rule-meta.js';
import type { Aendringer, Anbefaling, Figur, IndikatorResultat, ScreeningResult } from './types.js';

/** What a result needs to build its parts on read. */
export interface ResultInput {
  readonly afdeling: Afdeling;
  readonly asOf: IsoDate;
  readonly current: ScreeningPeriode;
  readonly previous: ScreeningPeriode | undefined;
  readonly ruleSet: CompiledRuleSet;
  readonly meta: ScreeningMeta;
  readonly factOptions: FactOptions;
  readonly evalOptions: EvaluateOptions;
  readonly explain: boolean;
  /** The current period's facts, as decided (not kept: rebuilt from the afdeling when a part is read). */
  readonly facts: PeriodFacts;
  /** Each rule's outcome, by rule index. */
  readonly outcomes: readonly Truth[];
  /** The envelope's `ruleSets`: the rule set's info, in a list shared by the batch. */
  readonly ruleSetInfos: readonly RuleSetInfo[];
}

/** The hidden state of a compact result: its input and the parts built so far. */
interface State {
  readonly afdeling: Afdeling;
  readonly current: ScreeningPeriode;
  readonly previous: ScreeningPeriode | undefined;
  readonly ruleSet: CompiledRuleSet;
  readonly meta: ScreeningMeta;
  readonly factOptions: FactOptions;
  readonly evalOptions: EvaluateOptions;
  readonly outcomes: readonly Truth[];
  facts: PeriodFacts | undefined;
  evaluation: Evaluation | undefined;
  indikatorer: readonly IndikatorResultat[] | undefined;
  anbefalinger: readonly Anbefaling[] | undefined;
  aendringer: Aendringer | undefined;
  tekst: string | undefined;
  ruleOutcomes: readonly RuleOutcome[] | undefined;
  evaluations: readonly Evaluation[] | undefined;
}

const STATE = Symbol('screening-result-state');
type Compact = ScreeningResult & { readonly [STATE]: State };

const EMPTY: readonly never[] = Object.freeze([]);

function stateOf(result: unknown): State {
  return (result as Compact)[STATE];
}

function factsOf(s: State): PeriodFacts {
  return (s.facts ??= exactPeriodFacts(s.afdeling, s.current, s.factOptions));
}

function evaluationOf(s: State): Evaluation {
  return (s.evaluation ??= evaluateRuleSet(s.ruleSet, factsOf(s).facts, s.evalOptions));
}

/** Getters shared by every result: one function each, reading the result's hidden state. */
const GETTERS = {
  indikatorer(this: unknown): readonly IndikatorResultat[] {
    const s = stateOf(this);
    if (s.indikatorer !== undefined) return s.indikatorer;
    const pf = factsOf(s);
    const rules = explains(this) ? evaluationOf(s).rules : undefined;
    return (s.indikatorer = Object.freeze(s.meta.indikatorer.map((m) => indikatorResult(m, s.outcomes[m.ruleIndex] ?? null, pf, rules?.[m.ruleIndex]))));
  },
  anbefalinger(this: unknown): readonly Anbefaling[] {
    const s = stateOf(this);
    return (s.anbefalinger ??= anbefalingerOf(s));
  },
  konklusionTekst(this: unknown): string {
    const s = stateOf(this);
    return (s.tekst ??= konklusionTekst(anbefalingOutcomes(s)));
  },
  aendringer(this: unknown): Aendringer {
    const s = stateOf(this);
    return (s.aendringer ??= aendringerOf(s));
  },
  evaluation(this: unknown): Evaluation {
    return evaluationOf(stateOf(this));
  },
  outcomes(this: unknown): readonly RuleOutcome[] {
    const s = stateOf(this);
    return (s.ruleOutcomes ??= Object.freeze(s.ruleSet.rules.map((rule, i) => Object.freeze({ ruleSet: s.ruleSet.info.id, ruleId: rule.id, outcome: s.outcomes[i] ?? null }))));
  },
  evaluations(this: unknown): readonly Evaluation[] {
    const s = stateOf(this);
    return (s.evaluations ??= explains(this) ? Object.freeze([evaluationOf(s)]) : EMPTY);
  },
};

/** Whether a result carries the explanation (an own `evaluation` key). */
function explains(result: unknown): boolean {
  return Object.hasOwn(result as object, 'evaluation');
}

function getter(get: (this: unknown) => unknown): PropertyDescriptor {
  return { get, enumerable: true, configurable: false };
}
const INDIKATORER = getter(GETTERS.indikatorer);
const ANBEFALINGER = getter(GETTERS.anbefalinger);
const TEKST = getter(GETTERS.konklusionTekst);
const AENDRINGER = getter(GETTERS.aendringer);
const EVALUATION = getter(GETTERS.evaluation);
const OUTCOMES = getter(GETTERS.outcomes);
/** Not enumerable: the tree is in `evaluation` already, and JSON should not repeat it. */
const EVALUATIONS: PropertyDescriptor = { get: GETTERS.evaluations, enumerable: false, configurable: false };

/** Builds the frozen compact result of one screened afdeling. Keys in the order results have always had. */
export function compactResult(input: ResultInput): ScreeningResult {
  const { afdeling, meta, outcomes } = input;
  const state: State = {
    afdeling,
    current: input.current,
    previous: input.previous,
    ruleSet: input.ruleSet,
    meta,
    factOptions: input.factOptions,
    evalOptions: input.evalOptions,
    outcomes,
    // the facts are a pure function of the (deep-frozen, validated) afdeling and period: rebuilt on read
    facts: undefined,
    evaluation: undefined,
    indikatorer: undefined,
    anbefalinger: undefined,
    aendringer: input.previous === undefined ? NO_CHANGES : undefined,
    tekst: undefined,
    ruleOutcomes: undefined,
    evaluations: undefined,
  };
  const statusFact = input.facts.facts['boligomraadeStatus'];
  const r: Record<string | symbol, unknown> = {
    afdeling: Object.freeze({
      id: afdeling.id,
      navn: afdeling.navn,
      boligorganisation: afdeling.boligorganisation,
      kommune: afdeling.kommune,
      ...(afdeling.boligomraade ? { boligomraade: afdeling.boligomraade } : {}),
    }),
    asOf: input.asOf,
    periode: input.current.periode,
    ruleSet: input.ruleSet.info,
    // the status fact is a frozen list made for this period, or the shared empty one
    boligomraadeStatus: Array.isArray(statusFact) ? (statusFact as readonly string[]) : null,
  };
  Object.defineProperty(r, 'indikatorer', INDIKATORER);
  r.udloeste = flagged(meta.indikatorer, outcomes);
  Object.defineProperty(r, 'anbefalinger', ANBEFALINGER);
  r.konklusion = konklusionOf(meta.anbefalinger, outcomes);
  Object.defineProperty(r, 'konklusionTekst', TEKST);
  Object.defineProperty(r, 'aendringer', AENDRINGER);
  r.mangler = manglerOf(meta, outcomes, input.facts);
  if (input.explain) Object.defineProperty(r, 'evaluation', EVALUATION);
  // the envelope every answer carries (asOf and mangler are above)
  r.ruleSets = input.ruleSetInfos;
  r.packageVersion = PACKAGE_VERSION;
  Object.defineProperty(r, 'outcomes', OUTCOMES);
  Object.defineProperty(r, 'evaluations', EVALUATIONS);
  Object.defineProperty(r, STATE, { value: state, enumerable: false });
  return Object.freeze(r) as unknown as ScreeningResult;
}

function flagged(indikatorer: readonly IndikatorMeta[], outcomes: readonly Truth[]): readonly string[] {
  let ids: string[] | undefined;
  for (const m of indikatorer) if (outcomes[m.ruleIndex] === true) (ids ??= []).push(m.id);
  if (ids === undefined) return EMPTY;
  return Object.freeze(ids);
}

function anbefalingOutcomes(s: State): { kind: Anbefaling['kind']; navn: string; outcome: Truth }[] {
  return s.meta.anbefalinger.map((m) => ({ kind: m.kind, navn: ANBEFALING_NAVN[m.kind], outcome: s.outcomes[m.ruleIndex] ?? null }));
}

function anbefalingerOf(s: State): readonly Anbefaling[] {
  const pf = factsOf(s);
  const udloeste = s.meta.indikatorer.filter((m) => s.outcomes[m.ruleIndex] === true);
  // what the flagged indicators point to, for the recommendations that take their mål and indsatsområder from them
  const fraIndikatorerMaal = maalList(udloeste.flatMap((i) => i.maal));
  const fraIndikatorerOmraader = indsatsomraadeList(udloeste.flatMap((i) => i.indsatsomraader));
  return Object.freeze(
    s.meta.anbefalinger.map((m) => {
      const outcome = s.outcomes[m.ruleIndex] ?? null;
      return Object.freeze({
        kind: m.kind,
        ruleId: m.ruleId,
        navn: ANBEFALING_NAVN[m.kind],
        outcome,
        maal: m.maal === 'fra-indikatorer' ? fraIndikatorerMaal : m.maalListe,
        indsatsomraader: m.indsatsomraader === 'fra-indikatorer' ? fraIndikatorerOmraader : m.indsatsomraadeListe,
        mangler: outcome === null ? missingFor(m.facts, pf) : EMPTY,
      });
    }),
  );
}

function aendringerOf(s: State): Aendringer {
  const previous = s.previous as ScreeningPeriode;
  const before = exactPeriodFacts(s.afdeling, previous, s.factOptions);
  const beforeOutcomes = trustedDecider(s.ruleSet, s.evalOptions)(before.facts);
  return changesSince(s.meta.indikatorer, previous.periode, beforeOutcomes, before.facts, s.outcomes, factsOf(s).facts);
}

/** Every missing figure behind an unknown indicator or recommendation, in Danish, sorted and without repeats. */
function manglerOf(meta: ScreeningMeta, outcomes: readonly Truth[], pf: PeriodFacts): readonly string[] {
  if (!outcomes.includes(null)) return EMPTY;
  let out: string[] | undefined;
  const collect = (m: { readonly ruleIndex: number; readonly facts: readonly string[] }): void => {
    if ((outcomes[m.ruleIndex] ?? null) !== null) return;
    for (const reason of missingFor(m.facts, pf)) {
      out ??= [];
      if (!out.includes(reason)) out.push(reason);
    }
  };
  meta.indikatorer.forEach(collect);
  meta.anbefalinger.forEach(collect);
  // sorted, as in every envelope
  return out === undefined ? EMPTY : Object.freeze(out.sort());
}

function indikatorResult(m: IndikatorMeta, outcome: Truth, pf: PeriodFacts, rule: RuleEvaluation | undefined): IndikatorResultat {
  return Object.freeze({
    id: m.id,
    ruleId: m.ruleId,
    titel: m.titel,
    outcome,
    social: m.social,
    maal: m.maalListe,
    indsatsomraader: m.indsatsomraadeListe,
    figurer: rule ? figures(rule) : EMPTY,
    mangler: outcome === null ? missingFor(m.facts, pf) : EMPTY,
  });
}

function figures(rule: RuleEvaluation): readonly Figur[] {
  const out: Figur[] = [];
  for (const leaf of leaves(rule.explanation)) {
    const threshold = leaf.threshold;
    // one figure per fact, operator and threshold, however often the conditions name it
    if (out.some((f) => f.fact === leaf.fact && f.operator === leaf.operator && String(f.threshold) === String(threshold.value))) continue;
    const figur: Mutable<Figur> = { fact: leaf.fact, description: leaf.description, unit: leaf.unit, operator: leaf.operator, outcome: leaf.outcome };
    if (leaf.factValue !== undefined) figur.value = leaf.factValue;
    if (threshold.value !== undefined) figur.threshold = threshold.value;
    if (threshold.parameter !== undefined) figur.parameter = threshold.parameter;
    out.push(Object.freeze(figur));
  }
  return Object.freeze(out);
}

function missingFor(facts: readonly string[], pf: PeriodFacts): readonly string[] {
  const out: string[] = [];
  for (const f of facts) {
    const v = pf.facts[f];
    if (v !== undefined && v !== null) continue;
    for (const reason of pf.missing[f] ?? [f]) if (!out.includes(reason)) out.push(reason);
  }
  return Object.freeze(out);
}
