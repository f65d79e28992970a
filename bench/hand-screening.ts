/**
 * The floor for screening: the shipped screening rules (13 indicators, 4 recommendations)
 * written by hand, exact by integer cross-multiplication, over validated afdelinger. Two
 * variants: decision-only (the 17 three-valued outcomes in a byte array) and one that
 * also keeps every leaf's figures (numerator and denominator) in columns, as an explained
 * screening must. Thresholds come from the rule set's parameters, so the floor decides
 * the rules in force, not copies of their numbers; {@link checkAgreement} proves that it
 * decides as the library does, outcome for outcome.
 */
import type { Afdeling, CompiledRuleSet, ScreeningPeriode, ScreeningResult } from '../src/index.js';
import { lib } from './library.js';

const { normaliseStatus } = lib;

/** Three-valued outcomes as bytes. */
const F = 0;
const T = 1;
const U = 2;

/** A decimal threshold as an integer and its decimals ("1.15" → 115, 2). */
interface Scaled {
  readonly value: number;
  readonly decimals: number;
}

function scaled(v: string | number): Scaled {
  const s = String(v);
  const dot = s.indexOf('.');
  if (dot < 0) return { value: Number(s), decimals: 0 };
  return { value: Number(s.slice(0, dot) + s.slice(dot + 1)), decimals: s.length - dot - 1 };
}

/** The leaves: a share numerator / denominator × scale against a threshold parameter, strictly above it. */
interface ShareLeaf {
  readonly fact: string;
  readonly numerator: keyof ScreeningPeriode | 'beboere' | 'lejemaal';
  readonly denominator: keyof ScreeningPeriode | 'beboere' | 'lejemaal';
  readonly scale: number;
  readonly parameter: string;
}

const LEAVES: readonly ShareLeaf[] = [
  { fact: 'huslejeIndeks', numerator: 'huslejeKrPrM2', denominator: 'huslejeReferenceKrPrM2', scale: 1, parameter: 'maxHuslejeIndeks' },
  { fact: 'flyttefrekvensPct', numerator: 'fraflytninger', denominator: 'lejemaal', scale: 100, parameter: 'maxFlyttefrekvensPct' },
  { fact: 'overfoerselsindkomstPct', numerator: 'overfoerselsindkomst', denominator: 'voksne18til64', scale: 100, parameter: 'maxOverfoerselsindkomstPct' },
  { fact: 'kontanthjaelpPct', numerator: 'kontanthjaelp', denominator: 'voksne18til64', scale: 100, parameter: 'maxKontanthjaelpPct' },
  { fact: 'utrygPct', numerator: 'tryghedUtrygge', denominator: 'tryghedRespondenter', scale: 100, parameter: 'maxUtrygPct' },
  { fact: 'voldPr1000Beboere', numerator: 'voldHaendelser', denominator: 'beboere', scale: 1000, parameter: 'maxVoldPr1000Beboere' },
  { fact: 'haervaerkPr100Lejemaal', numerator: 'haervaerkHaendelser', denominator: 'lejemaal', scale: 100, parameter: 'maxHaervaerkPr100Lejemaal' },
  { fact: 'saarbareIsoleredePct', numerator: 'saarbareIsoleredeHusstande', denominator: 'lejemaal', scale: 100, parameter: 'maxSaarbarePct' },
  { fact: 'restancePct', numerator: 'restancer', denominator: 'lejemaal', scale: 100, parameter: 'maxRestancePct' },
  { fact: 'udsaettelserPct', numerator: 'udsaettelser', denominator: 'lejemaal', scale: 100, parameter: 'maxUdsaettelserPct' },
  { fact: 'ungeUdenJobUddannelsePct', numerator: 'ungeUdenJobUddannelse', denominator: 'unge18til29', scale: 100, parameter: 'maxUngeUdenJobUddannelsePct' },
  { fact: 'ungeUdenUngdomsuddannelsePct', numerator: 'ungeUdenUngdomsuddannelse', denominator: 'unge20til24', scale: 100, parameter: 'maxUngeUdenUngdomsuddannelsePct' },
  { fact: 'eleverUnder02Pct', numerator: 'eleverUnder02', denominator: 'elever9klasse', scale: 100, parameter: 'maxEleverUnder02Pct' },
  { fact: 'ungeSigtedePct', numerator: 'ungeSigtede', denominator: 'unge15til25', scale: 100, parameter: 'maxUngeSigtedePct' },
];
const L = Object.fromEntries(LEAVES.map((l, i) => [l.fact, i])) as Record<string, number>;

/** The rule ids in rule-file order, as the outcomes are stored. */
export const RULE_IDS = [
  'indikator-hoej-husleje',
  'indikator-hoej-flyttefrekvens',
  'indikator-sociale-problemer',
  'indikator-utryghed',
  'indikator-vold',
  'indikator-haervaerk',
  'indikator-nedslidning',
  'indikator-saarbare-beboere',
  'indikator-restancer-udsaettelser',
  'indikator-unge-uden-job-uddannelse',
  'indikator-unge-uden-ungdomsuddannelse',
  'indikator-elever-fagligt-niveau',
  'indikator-unge-kriminalitet',
  'anbefal-helhedsplan',
  'anbefal-lokalt-udviklingsprojekt',
  'anbefal-boligsocial-ejendomsfunktionaer',
  'anbefal-kontaktpersonordning',
] as const;
const RULES = RULE_IDS.length;
const OFFICIAL = new Set(['udsat-boligomraade', 'ghettoomraade', 'haardt-ghettoomraade', 'parallelsamfund', 'omdannelsesomraade']);

/** The hand-written screening of one rule set. */
export interface HandScreening {
  /** Decision-only: 17 outcomes per afdeling. */
  decide(afdelinger: readonly Afdeling[], asOf: string): Uint8Array;
  /** The same, keeping each leaf's numerator and denominator (NaN when missing) per afdeling. */
  decideWithFigures(afdelinger: readonly Afdeling[], asOf: string): { outcomes: Uint8Array; numerators: Float64Array; denominators: Float64Array };
}

/** The hand-written screening of the shipped rules, with the thresholds of `ruleSet`. */
export function handScreening(ruleSet: CompiledRuleSet): HandScreening {
  const param = (name: string): unknown => {
    const p = Object.hasOwn(ruleSet.parameters, name) ? ruleSet.parameters[name] : undefined;
    if (p === undefined) throw new Error(`hand screening: the rule set has no parameter ${name}`);
    return p.value;
  };
  const thresholds = LEAVES.map((l) => scaled(param(l.parameter) as string));
  const minStand = param('minNedslidningKarakter') as number;
  const minEjendomPct = scaled(param('minSaarbareEjendomsfunktionaerPct') as string);
  const minEjendomHusstande = param('minSaarbareEjendomsfunktionaerHusstande') as number;
  const minIndikatorer = param('minIndikatorerHelhedsplan') as number;
  const minSociale = param('minSocialeIndikatorerHelhedsplan') as number;
  const minRespondenter = Math.max(1, param('minTryghedRespondenter') as number);
  const kommuner = new Set(param('kontaktpersonKommuner') as string[]);
  const organisationer = new Set(param('kontaktpersonBoligorganisationer') as string[]);

  const leafN = new Float64Array(LEAVES.length);
  const leafD = new Float64Array(LEAVES.length);

  /** n·scale/d against t/10^k, exact: −1, 0, 1. */
  const sign = (n: number, d: number, scale: number, t: Scaled): number => {
    const left = n * scale * 10 ** t.decimals;
    const right = t.value * d;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left > right ? 1 : left < right ? -1 : 0;
    const l = BigInt(n) * BigInt(scale) * 10n ** BigInt(t.decimals);
    const r = BigInt(t.value) * BigInt(d);
    return l > r ? 1 : l < r ? -1 : 0;
  };

  /** Reads the leaves' figures of one period into leafN/leafD (NaN = missing); amounts as scaled integers. */
  const readFigures = (a: Afdeling, p: ScreeningPeriode): void => {
    for (let i = 0; i < LEAVES.length; i++) {
      const leaf = LEAVES[i] as ShareLeaf;
      const n = figure(a, p, leaf.numerator);
      const d = figure(a, p, leaf.denominator);
      if (n === undefined || d === undefined) {
        leafN[i] = Number.NaN;
        leafD[i] = Number.NaN;
      } else if (typeof n === 'string' || typeof d === 'string') {
        // amounts (kr. pr. m²): both as integers of the same decimals
        const sn = scaled(n);
        const sd = scaled(d);
        leafN[i] = sn.value * 10 ** sd.decimals;
        leafD[i] = sd.value * 10 ** sn.decimals;
      } else {
        leafN[i] = n;
        leafD[i] = d;
      }
    }
    const resp = p.tryghedRespondenter;
    if (resp !== undefined && resp !== null && (resp as number) < minRespondenter) {
      leafN[L.utrygPct as number] = Number.NaN;
      leafD[L.utrygPct as number] = Number.NaN;
    }
    if (a.beboere === 0) {
      leafN[L.voldPr1000Beboere as number] = Number.NaN;
      leafD[L.voldPr1000Beboere as number] = Number.NaN;
    }
  };

  const above = (i: number): number => {
    const n = leafN[i] as number;
    if (n !== n) return U;
    const d = leafD[i] as number;
    // 0 / 0 is 0
    if (d === 0) return sign(0, 1, 1, thresholds[i] as Scaled) > 0 ? T : F;
    return sign(n, d, (LEAVES[i] as ShareLeaf).scale, thresholds[i] as Scaled) > 0 ? T : F;
  };
  const or = (x: number, y: number): number => (x === T || y === T ? T : x === U || y === U ? U : F);
  const and = (x: number, y: number): number => (x === F || y === F ? F : x === U || y === U ? U : T);
  const atLeast = (k: number, xs: readonly number[]): number => {
    let met = 0;
    let unknown = 0;
    for (const x of xs) {
      if (x === T) met++;
      else if (x === U) unknown++;
    }
    return met >= k ? T : met + unknown < k ? F : U;
  };
  const stand = (v: number | string | null | undefined): number => (v === undefined || v === null ? U : (v as number) >= minStand ? T : F);

  const decideInto = (a: Afdeling, asOf: string, out: Uint8Array, at: number): void => {
    let cur: ScreeningPeriode | undefined;
    for (const p of a.perioder) if (p.periode <= asOf && (cur === undefined || p.periode > cur.periode)) cur = p;
    if (cur === undefined) throw new Error(`hand screening: afdeling ${a.id} has no period on or before ${asOf}`);
    readFigures(a, cur);
    const husleje = above(L.huslejeIndeks as number);
    const flytte = above(L.flyttefrekvensPct as number);
    const sociale = or(above(L.overfoerselsindkomstPct as number), above(L.kontanthjaelpPct as number));
    const utryg = above(L.utrygPct as number);
    const vold = above(L.voldPr1000Beboere as number);
    const haervaerk = above(L.haervaerkPr100Lejemaal as number);
    const nedslidning = or(stand(cur.standBygninger), stand(cur.standFriarealer));
    const saarbare = above(L.saarbareIsoleredePct as number);
    const restance = or(above(L.restancePct as number), above(L.udsaettelserPct as number));
    const job = above(L.ungeUdenJobUddannelsePct as number);
    const udd = above(L.ungeUdenUngdomsuddannelsePct as number);
    const elever = above(L.eleverUnder02Pct as number);
    const sigtede = above(L.ungeSigtedePct as number);
    const indikatorer = [husleje, flytte, sociale, utryg, vold, haervaerk, nedslidning, saarbare, restance, job, udd, elever, sigtede];
    for (let i = 0; i < indikatorer.length; i++) out[at + i] = indikatorer[i] as number;

    // the official lists: no boligområde = on none; a boligområde without a status = unknown
    let official: number;
    if (a.boligomraade === undefined || a.boligomraade === null) official = F;
    else {
      const status = cur.boligomraadeStatus ?? a.boligomraadeStatus;
      official = status === undefined || status === null ? U : status.some((s) => OFFICIAL.has(normaliseStatus(s))) ? T : F;
    }
    const mange = atLeast(minIndikatorer, indikatorer);
    const socialeIndikatorer = atLeast(minSociale, [sociale, utryg, vold, saarbare, restance, job, udd, elever, sigtede]);
    const helhedsplan = or(official, and(mange, socialeIndikatorer));
    out[at + 13] = helhedsplan;
    out[at + 14] = and(atLeast(1, indikatorer), helhedsplan === T ? F : helhedsplan === F ? T : U);
    const pctIndex = L.saarbareIsoleredePct as number;
    const pctN = leafN[pctIndex] as number;
    const pct = pctN !== pctN ? U : sign(pctN, leafD[pctIndex] as number, 100, minEjendomPct) >= 0 ? T : F;
    const husstande = cur.saarbareIsoleredeHusstande;
    out[at + 15] = and(pct, husstande === undefined || husstande === null ? U : (husstande as number) >= minEjendomHusstande ? T : F);
    out[at + 16] = organisationer.has(a.boligorganisation) && kommuner.has(a.kommune) ? T : F;
  };

  return {
    decide(afdelinger, asOf) {
      const out = new Uint8Array(afdelinger.length * RULES);
      for (let i = 0; i < afdelinger.length; i++) decideInto(afdelinger[i] as Afdeling, asOf, out, i * RULES);
      return out;
    },
    decideWithFigures(afdelinger, asOf) {
      const outcomes = new Uint8Array(afdelinger.length * RULES);
      const numerators = new Float64Array(afdelinger.length * LEAVES.length);
      const denominators = new Float64Array(afdelinger.length * LEAVES.length);
      for (let i = 0; i < afdelinger.length; i++) {
        decideInto(afdelinger[i] as Afdeling, asOf, outcomes, i * RULES);
        numerators.set(leafN, i * LEAVES.length);
        denominators.set(leafD, i * LEAVES.length);
      }
      return { outcomes, numerators, denominators };
    },
  };
}

function figure(a: Afdeling, p: ScreeningPeriode, key: ShareLeaf['numerator']): number | string | undefined {
  const v = key === 'beboere' ? a.beboere : key === 'lejemaal' ? a.lejemaal : (p[key] as number | string | null | undefined);
  return v === null ? undefined : v;
}

/**
 * Checks that the hand-written outcomes equal the library's for every afdeling and rule;
 * returns how many outcomes were compared.
 * @throws Error naming the first disagreement.
 */
export function checkAgreement(results: readonly ScreeningResult[], outcomes: Uint8Array): number {
  if (outcomes.length !== results.length * RULES) throw new Error(`hand screening: ${outcomes.length / RULES} afdelinger against ${results.length} results`);
  let compared = 0;
  results.forEach((r, i) => {
    const ours = new Map<string, boolean | null>([...r.indikatorer.map((x) => [x.ruleId, x.outcome] as const), ...r.anbefalinger.map((x) => [x.ruleId, x.outcome] as const)]);
    RULE_IDS.forEach((id, j) => {
      const hand = outcomes[i * RULES + j];
      const expected = hand === T ? true : hand === F ? false : null;
      if (!ours.has(id)) throw new Error(`hand screening: the library has no rule ${id}`);
      if (ours.get(id) !== expected) throw new Error(`hand screening disagrees on afdeling ${r.afdeling.id}, rule ${id}: library ${String(ours.get(id))}, hand-written ${String(expected)}`);
      compared++;
    });
  });
  return compared;
}
