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
import { shareInto, shareOf } from '../domain/ratio.js';
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
   * Writes the facts of one period. What it returns is the batch's own (its facts object,
   * and the holder itself), rewritten by the next write: read it before then.
   * `ownStatus`: the period's own statuses as `ownStatusOf` gives them, when the caller
   * has them already (a validated afdeling's memo).
   */
  write(afdeling: Afdeling, periode: ScreeningPeriode, options: FactOptions, ownStatus?: readonly string[] | null): PeriodFacts;
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
const UTRYG = SHARE_FACTS.findIndex((s) => s.fact === 'utrygPct');
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
    write(a, p, options, ownStatus) {
      afdeling = a;
      periode = p;
      const m = missing ?? (missing = new MissingFigures(p));
      m.reset(p);
      current.kommune = a.kommune;
      current.boligorganisation = a.boligorganisation;
      current.boligomraadeStatus = statusFact(m, a, p, options, ownStatus);
      const min = minRespondenter(options);
      for (let i = 0; i < SHARE_FACTS.length; i++) {
        // the stand between hærværk and the sårbare, in the order the reasons were always noted
        if (i === HAERVAERK + 1) writeStand(m, p, current);
        const s = SHARE_FACTS[i] as ShareFact;
        // each figure read once; shareKnown (which notes why a share is missing) only where
        // it could say no: a figure missing, no beboere, or the tryghedsundersøgelse's answers
        const n = p[s.numerator];
        const d = s.denominator === 'lejemaal' ? a.lejemaal : s.denominator === 'beboere' ? a.beboere : p[s.denominator];
        const given = n !== undefined && n !== null && d !== undefined && d !== null;
        // the number of answers is a fact only where both the tryghedsundersøgelse's figures are given
        if (i === UTRYG) current.tryghedRespondenter = given ? (d as number) : undefined;
        const plain = given && i !== UTRYG && (d !== 0 || s.denominator !== 'beboere');
        const ok = plain || shareKnown(m, a, p, s, min);
        known[i] = ok ? 1 : 0;
        if (i === SAARBARE) writeHusstande(m, p, current, ok);
        const slot = slots[i] as number;
        if (slot < 0) continue;
        // NaN where the share is missing or a decimal string: a leaf then reads the facts
        if (!ok || !shareInto(n as number | string, d as number | string, s.scale, shares, 2 * slot)) {
          shares[2 * slot] = Number.NaN;
          shares[2 * slot + 1] = Number.NaN;
        }
      }
      writeValues();
      written.missing = m.frozen();
      return written;
    },
  };
}

/** The count of sårbare husstande: a fact with its share, missing for the same reasons. */
function writeHusstande(m: MissingFigures, p: ScreeningPeriode, current: Current, known: boolean): void {
  current.saarbareIsoleredeHusstande = known ? (p.saarbareIsoleredeHusstande as number) : undefined;
  if (!known) m.same('saarbareIsoleredeHusstande', 'saarbareIsoleredePct');
}

function writeStand(m: MissingFigures, p: ScreeningPeriode, current: Current): void {
  current.standBygninger = m.given('standBygninger', 'standBygninger', p.standBygninger);
  current.standFriarealer = m.given('standFriarealer', 'standFriarealer', p.standFriarealer);
}
