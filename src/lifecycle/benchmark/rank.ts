/**
 * Ranking indicators by progress within one group (one mål, one unit). Competition
 * ranking on the capped progress — equal progress, equal rank ("1, 1, 3") — so two
 * indicators that both reached their target share first place; within a rank the
 * larger uncapped progress is listed first. Unknown progress gets no rank and comes last.
 */
import { compare } from '../../financing/rational.js';
import { rationalOf, type Andel } from '../andel.js';

/** What ranking reads of a row. */
export interface Rankable {
  readonly indsatsId: string;
  readonly indikatorId: string;
  readonly fremdrift: Andel | null;
  readonly fremdriftUcappet: Andel | null;
}

function byId(a: Rankable, b: Rankable): number {
  if (a.indsatsId !== b.indsatsId) return a.indsatsId < b.indsatsId ? -1 : 1;
  if (a.indikatorId !== b.indikatorId) return a.indikatorId < b.indikatorId ? -1 : 1;
  return 0;
}

function byProgress(a: Rankable, b: Rankable): number {
  if (a.fremdrift === null || b.fremdrift === null) {
    if (a.fremdrift !== b.fremdrift) return a.fremdrift === null ? 1 : -1;
    return byId(a, b);
  }
  const capped = compare(rationalOf(b.fremdrift), rationalOf(a.fremdrift));
  if (capped !== 0) return capped;
  if (a.fremdriftUcappet !== null && b.fremdriftUcappet !== null) {
    const raw = compare(rationalOf(b.fremdriftUcappet), rationalOf(a.fremdriftUcappet));
    if (raw !== 0) return raw;
  }
  return byId(a, b);
}

/** The rows best first, each with its rank (1-based) or null when its progress is unknown. Pure: returns new objects. */
export function rankRows<T extends Rankable>(rows: readonly T[]): (T & { readonly rang: number | null })[] {
  const sorted = [...rows].sort(byProgress);
  const out: (T & { readonly rang: number | null })[] = [];
  sorted.forEach((row, i) => {
    const prevProgress = sorted[i - 1]?.fremdrift ?? null;
    const prevRank = out[i - 1]?.rang ?? null;
    let rang: number | null = null;
    if (row.fremdrift !== null) {
      const tied = prevProgress !== null && prevRank !== null && compare(rationalOf(prevProgress), rationalOf(row.fremdrift)) === 0;
      rang = tied ? prevRank : i + 1;
    }
    out.push({ ...row, rang });
  });
  return out;
}
