/**
 * The figures a screening reads of each period of a validated afdeling, made once when
 * it is validated (it is deep-frozen then, so they cannot go stale): each share's exact
 * parts, and the plain figures beside them, in one array of numbers per afdeling, with
 * each period's date as a number. A batch screening copies a period's parts into its
 * decider's shares instead of reading some 30 named figures from the period object and
 * scaling them again every time the afdeling is screened; a what-if sweep screens the
 * same afdelinger many times.
 */
import type { Afdeling, ScreeningPeriode } from '../domain/afdeling.js';
import { shareInto } from '../domain/ratio.js';
import { SHARE_FACTS } from './facts.js';

/** The index of each plain figure after the shares' parts of a period. */
const RESPONDENTER = 2 * SHARE_FACTS.length;
const STAND_BYGNINGER = RESPONDENTER + 1;
const STAND_FRIAREALER = RESPONDENTER + 2;
const HUSSTANDE = RESPONDENTER + 3;
/** The numbers kept per period. */
const STRIDE = RESPONDENTER + 4;

/** The index of utryghed in SHARE_FACTS. */
export const UTRYG = SHARE_FACTS.findIndex((s) => s.fact === 'utrygPct');

/**
 * Each period's figures of one validated afdeling, in one array of numbers (one object,
 * so a screening follows one pointer from the memo to all it reads): for P periods, first
 * each period's date as the number YYYYMMDD (so dates order as numbers), then each
 * period's bits of the shares known whatever the rule set (bit i: both of share i's
 * figures given, not a rate per beboer of an afdeling with none, and not utryghed, whose
 * known-ness depends on the rule set's least number of answers), then per period
 * `STRIDE` numbers: share i's scaled numerator and denominator at 2i and 2i + 1 (as
 * `shareInto` writes them; NaN where a figure is missing or the share is no exact pair
 * of safe integers), the tryghedsundersøgelse's answers (NaN unless both its figures are
 * given), the two stand karakterer and the sårbare husstande (NaN where missing).
 */
export type PeriodFigures = Float64Array;

/** The date YYYY-MM-DD as the number YYYYMMDD (validated dates only). */
export function dateNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** The figures of every period of a validated afdeling. */
export function periodFiguresOf(afdeling: Afdeling): PeriodFigures {
  const perioder = afdeling.perioder;
  const count = perioder.length;
  const figures = new Float64Array((STRIDE + 2) * count).fill(Number.NaN);
  perioder.forEach((p, k) => {
    const at = periodOffset(count, k);
    figures[k] = dateNumber(p.periode);
    let bits = 0;
    SHARE_FACTS.forEach((s, i) => {
      const n = p[s.numerator];
      const d = s.denominator === 'lejemaal' ? afdeling.lejemaal : s.denominator === 'beboere' ? afdeling.beboere : p[s.denominator];
      if (n === undefined || n === null || d === undefined || d === null) return;
      if (i === UTRYG) figures[at + RESPONDENTER] = d as number;
      else if (d !== 0 || s.denominator !== 'beboere') bits |= 1 << i;
      shareInto(n, d, s.scale, figures, at + 2 * i);
    });
    figures[count + k] = bits;
    figures[at + STAND_BYGNINGER] = figure(p.standBygninger);
    figures[at + STAND_FRIAREALER] = figure(p.standFriarealer);
    figures[at + HUSSTANDE] = figure(p.saarbareIsoleredeHusstande);
  });
  return figures;
}

function figure(v: ScreeningPeriode['standBygninger']): number {
  return v === undefined || v === null ? Number.NaN : v;
}

/** Where period `index`'s numbers start in the figures of an afdeling with `count` periods. */
export function periodOffset(count: number, index: number): number {
  return 2 * count + index * STRIDE;
}

export { HUSSTANDE, RESPONDENTER, STAND_BYGNINGER, STAND_FRIAREALER };
