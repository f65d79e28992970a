/**
 * From a boligområde's figures to the facts the classification rules read. Shares are
 * kept as exact fractions until the one division at the end, so `3 × 0.8` is `2.4`
 * and a share computed from counts compares exactly with its threshold.
 */
import { Decimal, decimalString } from '../domain/decimal.js';
import type { Facts } from '../domain/fact-types.js';
import type { BoligomraadeData } from './input.js';

/** An exact fraction `num / den` of two decimals (den > 0). */
export interface Broek {
  readonly num: Decimal;
  readonly den: Decimal;
}

/** Decimals kept for a non-terminating share; far finer than any threshold, so truncation never flips a comparison. */
const DIGITS = 20;

/** The fraction as a decimal string: exact when it terminates within 20 decimals, else truncated there. */
export function broekString(b: Broek): string {
  return decimalString(b.num.dividedBy(b.den).toDecimalPlaces(DIGITS, Decimal.ROUND_DOWN));
}

/** A percentage as published ("40.1" or 40.1), or from counts (`taeller / naevner × 100`); undefined when unknown. */
export function procent(pct: string | null | undefined, andel: { taeller: number; naevner: number } | null | undefined): Broek | undefined {
  if (pct !== null && pct !== undefined) return { num: new Decimal(pct), den: new Decimal(1) };
  if (andel !== null && andel !== undefined) return { num: new Decimal(andel.taeller).times(100), den: new Decimal(andel.naevner) };
  return undefined;
}

/** The exact fractions behind the facts, for margins and person counts. */
export interface Broeker {
  readonly ikkeVestligePct?: Broek;
  readonly udenArbejdePct?: Broek;
  readonly domfaeltePct?: Broek;
  readonly domfaelteLandsgennemsnitPct?: Broek;
  readonly kunGrundskolePct?: Broek;
  readonly indkomstPctAfRegion?: Broek;
}

/** The fractions of a boligområde's figures. */
export function broekerOf(data: BoligomraadeData): Broeker {
  const out: { -readonly [K in keyof Broeker]: Broek } = {};
  const set = (key: keyof Broeker, b: Broek | undefined) => {
    if (b !== undefined) out[key] = b;
  };
  set('ikkeVestligePct', procent(data.ikkeVestligePct, data.ikkeVestlige));
  set('udenArbejdePct', procent(data.udenArbejdePct, data.udenArbejde));
  set('domfaeltePct', procent(data.domfaeltePct, data.domfaelte));
  set('domfaelteLandsgennemsnitPct', procent(data.domfaelteLandsgennemsnitPct, data.domfaelteLandsgennemsnit));
  set('kunGrundskolePct', procent(data.kunGrundskolePct, data.kunGrundskole));
  if (data.indkomstPctAfRegion !== null && data.indkomstPctAfRegion !== undefined) set('indkomstPctAfRegion', { num: new Decimal(data.indkomstPctAfRegion), den: new Decimal(1) });
  else if (data.indkomst !== null && data.indkomst !== undefined) {
    const i = data.indkomst;
    set('indkomstPctAfRegion', { num: new Decimal(i.bruttoindkomstKr).times(100), den: new Decimal(i.skatteydere).times(i.regionGennemsnitKr) });
  }
  return out;
}

/**
 * The ratio of the area's convicted share to the national share, as one fraction:
 * `(a/b) / (c/d) = (a·d) / (b·c)`, so an exact 3 stays exactly 3.
 */
export function faktor(share: Broek, average: Broek): Broek {
  return { num: share.num.times(average.den), den: share.den.times(average.num) };
}

/**
 * Computes the classification facts of a boligområde. Missing figures leave their
 * facts out (unknown). `parallelsamfundAarIRaekke` comes from the history, not from here.
 *
 * @example
 * classificationFactsOf({ id: 'a', domfaeltePct: '2.4', domfaelteLandsgennemsnitPct: '0.8' }).domfaelteFaktor // "3"
 */
export function classificationFactsOf(data: BoligomraadeData): Facts {
  const b = broekerOf(data);
  const facts: Record<string, string | number> = {};
  if (data.beboere !== null && data.beboere !== undefined) facts.beboere = data.beboere;
  if (b.ikkeVestligePct) facts.ikkeVestligePct = broekString(b.ikkeVestligePct);
  if (b.udenArbejdePct) facts.udenArbejdePct = broekString(b.udenArbejdePct);
  if (b.domfaeltePct) {
    facts.domfaeltePct = broekString(b.domfaeltePct);
    facts.domfaeltePr10000 = broekString({ num: b.domfaeltePct.num.times(100), den: b.domfaeltePct.den });
    if (b.domfaelteLandsgennemsnitPct) facts.domfaelteFaktor = broekString(faktor(b.domfaeltePct, b.domfaelteLandsgennemsnitPct));
  }
  if (b.kunGrundskolePct) facts.kunGrundskolePct = broekString(b.kunGrundskolePct);
  if (b.indkomstPctAfRegion) facts.indkomstPctAfRegion = broekString(b.indkomstPctAfRegion);
  return Object.freeze(facts);
}
