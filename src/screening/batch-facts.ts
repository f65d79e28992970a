/**
 * The facts of a batch screening, one afdeling at a time, without an object per share:
 * each afdeling's shares are written as exact parts (scaled numerator, denominator) into
 * one array the batch reuses, which the screening decider reads as its `shares`; the
 * facts object the decider reads beside it is also the batch's own, its fields set per
 * afdeling and its shares computed only if a rule reads one whole (a rule comparing a
 * share with a threshold that is not a constant). What it holds is, fact for fact, what
 * {@link exactPeriodFacts} makes for the same period; `test/screening/batch-facts.test.ts`
 * checks that for every generated afdeling and for hand-made edge cases.
 */
import type { Afdeling, ScreeningPeriode } from '../domain/afdeling.js';
import type { Facts } from '../domain/fact-types.js';
import { shareOf } from '../domain/ratio.js';
import type { CompiledRuleSet } from '../engine/types.js';
import { FROM_FACTS } from '../engine/program.js';
import type { Mutable } from '../domain/freeze.js';
import {
  denominatorOf,
  type FactOptions,
  MissingFigures,
  minRespondenter,
  numeratorOf,
  type PeriodFacts,
  SHARE_FACTS,
  type ShareFact,
  shareKnown,
  statusFact,
} from './facts.js';
import { HUSSTANDE, periodOffset, RESPONDENTER, STAND_BYGNINGER, STAND_FRIAREALER, UTRYG } from './period-figures.js';
import { figuresOf, type ValidatedAfdeling } from './validate.js';

/** Writes each afdeling's facts into what one batch reuses. */
export interface BatchFacts {
  /** The shares' exact parts by the rule set's fact index, of the afdeling written last: the decider's `shares`. */
  readonly shares: Float64Array;
  /**
   * The plain facts by the rule set's fact index, of the afdeling written last: the
   * decider's `values` (`FROM_FACTS` at each share's index: a share is decided from
   * `shares`, or read from the facts where it has no parts there).
   */
  readonly values: readonly unknown[];
  /**
   * Writes the facts of period `index` of a validated afdeling, from what its validation
   * prepared (`validated`: its figures and statuses). What it returns is the batch's own
   * (its facts object, and the holder itself), rewritten by the next write: read it before then.
   */
  write(afdeling: Afdeling, index: number, validated: ValidatedAfdeling, options: FactOptions): PeriodFacts;
}

/** The plain facts of the batch's facts object (besides the shares), written per afdeling. */
interface Current {
  kommune: string;
  boligorganisation: string;
  boligomraadeStatus: readonly string[] | undefined;
  tryghedRespondenter: number | undefined;
  standBygninger: number | undefined;
  standFriarealer: number | undefined;
  saarbareIsoleredeHusstande: number | undefined;
}

const SAARBARE = SHARE_FACTS.findIndex((s) => s.fact === 'saarbareIsoleredePct');
const HAERVAERK = SHARE_FACTS.findIndex((s) => s.fact === 'haervaerkPr100Lejemaal');

/**
 * The batch's facts for `ruleSet`: shares go to the slot of their fact in `ruleSet.facts`
 * (a share no rule reads is still a fact, but has no slot).
 */
export function batchFacts(ruleSet: CompiledRuleSet): BatchFacts {
  const slotOf = new Map(ruleSet.facts.map((name, i) => [name, i] as const));
  const slots = SHARE_FACTS.map((s) => slotOf.get(s.fact) ?? -1);
  const shares = new Float64Array(2 * ruleSet.facts.length).fill(Number.NaN);
  const known = new Uint8Array(SHARE_FACTS.length);
  const values: unknown[] = ruleSet.facts.map(() => FROM_FACTS);
  const slot = (fact: keyof Current): number => slotOf.get(fact) ?? -1;
  const kommune = slot('kommune');
  const boligorganisation = slot('boligorganisation');
  const boligomraadeStatus = slot('boligomraadeStatus');
  const tryghedRespondenter = slot('tryghedRespondenter');
  const standBygninger = slot('standBygninger');
  const standFriarealer = slot('standFriarealer');
  const saarbareIsoleredeHusstande = slot('saarbareIsoleredeHusstande');
  // the plain facts as the decider reads them, by index (a fact no rule reads has none)
  const writeValues = (): void => {
    if (kommune >= 0) values[kommune] = current.kommune;
    if (boligorganisation >= 0) values[boligorganisation] = current.boligorganisation;
    if (boligomraadeStatus >= 0) values[boligomraadeStatus] = current.boligomraadeStatus;
    if (tryghedRespondenter >= 0) values[tryghedRespondenter] = current.tryghedRespondenter;
    if (standBygninger >= 0) values[standBygninger] = current.standBygninger;
    if (standFriarealer >= 0) values[standFriarealer] = current.standFriarealer;
    if (saarbareIsoleredeHusstande >= 0) values[saarbareIsoleredeHusstande] = current.saarbareIsoleredeHusstande;
  };
  let afdeling: Afdeling | undefined;
  let periode: ScreeningPeriode | undefined;
  const current: Current = {
    kommune: '',
    boligorganisation: '',
    boligomraadeStatus: undefined,
    tryghedRespondenter: undefined,
    standBygninger: undefined,
    standFriarealer: undefined,
    saarbareIsoleredeHusstande: undefined,
  };

  // the facts object is `current` itself (own properties: the engine reads facts through
  // Object.hasOwn): its plain facts data, written per afdeling; each share an accessor made
  // from the figures of the afdeling written last, when read. Internal, so not frozen.
  SHARE_FACTS.forEach((s, i) => {
    Object.defineProperty(current, s.fact, {
      enumerable: true,
      get: () => (known[i] === 1 && afdeling !== undefined && periode !== undefined ? shareOf(numeratorOf(periode, s), denominatorOf(afdeling, periode, s), s.scale) : undefined),
    });
  });
  const facts = current as unknown as Facts;
  // one note of missing figures for the batch, started over per write
  let missing: MissingFigures | undefined;
  const written: Mutable<PeriodFacts> = { facts, missing: {} };

  return {
    shares,
    values,
    write(a, index, validated, options) {
      const p = a.perioder[index] as ScreeningPeriode;
      afdeling = a;
      periode = p;
      const m = missing ?? (missing = new MissingFigures(p));
      m.reset(p);
      current.kommune = a.kommune;
      current.boligorganisation = a.boligorganisation;
      current.boligomraadeStatus = statusFact(m, a, p, options, validated.periodStatus[index]);
      const min = minRespondenter(options);
      // the period's figures as validation prepared them; the period itself is read only
      // where a figure is missing, to note which
      const numbers = figuresOf(validated);
      const count = a.perioder.length;
      const at = periodOffset(count, index);
      const bits = numbers[count + index] as number;
      const respondenter = numbers[at + RESPONDENTER] as number;
      // the number of answers is a fact only where both the tryghedsundersøgelse's figures are given
      current.tryghedRespondenter = respondenter === respondenter ? respondenter : undefined;
      for (let i = 0; i < SHARE_FACTS.length; i++) {
        // the stand between hærværk and the sårbare, in the order the reasons were always noted
        if (i === HAERVAERK + 1) writeStand(m, numbers, at, current);
        // shareKnown (which notes why a share is missing) only where it could say no
        const ok = ((bits >>> i) & 1) === 1 || (i === UTRYG && respondenter >= min) || shareKnown(m, a, p, SHARE_FACTS[i] as ShareFact, min);
        known[i] = ok ? 1 : 0;
        if (i === SAARBARE) writeHusstande(m, numbers[at + HUSSTANDE] as number, current, ok);
        const slot = slots[i] as number;
        if (slot < 0) continue;
        // NaN where the share is missing or no exact pair: a leaf then reads the facts
        shares[2 * slot] = ok ? (numbers[at + 2 * i] as number) : Number.NaN;
        shares[2 * slot + 1] = ok ? (numbers[at + 2 * i + 1] as number) : Number.NaN;
      }
      writeValues();
      written.missing = m.frozen();
      return written;
    },
  };
}

/** The count of sårbare husstande: a fact with its share, missing for the same reasons. */
function writeHusstande(m: MissingFigures, husstande: number, current: Current, known: boolean): void {
  current.saarbareIsoleredeHusstande = known ? husstande : undefined;
  if (!known) m.same('saarbareIsoleredeHusstande', 'saarbareIsoleredePct');
}

function writeStand(m: MissingFigures, numbers: Float64Array, at: number, current: Current): void {
  current.standBygninger = m.given('standBygninger', 'standBygninger', orUndefined(numbers[at + STAND_BYGNINGER] as number));
  current.standFriarealer = m.given('standFriarealer', 'standFriarealer', orUndefined(numbers[at + STAND_FRIAREALER] as number));
}

/** A prepared figure, undefined where it is missing (NaN). */
function orUndefined(v: number): number | undefined {
  return v === v ? v : undefined;
}
