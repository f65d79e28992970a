/**
 * Rows per value of each outcome (sums for amounts), kept as a running tally: rows are
 * added and removed one at a time, so a sweep counts each value by applying only the rows
 * that changed since the previous value.
 */
import { Decimal } from '../domain/decimal.js';
import type { Truth } from '../engine/types.js';
import type { OutcomeDefinition, OutcomeValue, WhatIfRow } from './types.js';

const TRUTH_ORDER: readonly Truth[] = [true, false, null];

/** The count of one outcome: rows per value, or the sum of an amount. */
export interface TallyCount {
  readonly udfald: string;
  readonly titel: string;
  readonly kind: OutcomeDefinition['kind'];
  readonly vaerdier: readonly { readonly vaerdi: OutcomeValue; readonly antal: number }[];
  /** For amounts: the sum, kroner with two decimals. */
  readonly sum?: string;
}

/** A running count of rows per outcome value, over the outcomes that are counted. */
export class OutcomeTally {
  private readonly counted: readonly OutcomeDefinition[];
  private readonly counts = new Map<string, Map<OutcomeValue, number>>();
  private readonly sums = new Map<string, Decimal>();

  constructor(definitions: readonly OutcomeDefinition[]) {
    this.counted = definitions.filter((d) => d.optaelles !== false);
    for (const d of this.counted) {
      if (d.kind === 'beloeb') this.sums.set(d.key, new Decimal(0));
      else this.counts.set(d.key, new Map(d.kind === 'sandhed' ? TRUTH_ORDER.map((t) => [t, 0] as const) : []));
    }
  }

  /** Counts a row in (`sign` 1) or out (`sign` −1). */
  add(row: WhatIfRow | undefined, sign: 1 | -1 = 1): void {
    if (row === undefined) return;
    for (const d of this.counted) {
      if (!Object.hasOwn(row.outcomes, d.key)) continue;
      const v = row.outcomes[d.key] as OutcomeValue;
      if (d.kind === 'beloeb') {
        const sum = this.sums.get(d.key) as Decimal;
        if (typeof v === 'string') this.sums.set(d.key, sign === 1 ? sum.plus(v) : sum.minus(v));
        continue;
      }
      const map = this.counts.get(d.key) as Map<OutcomeValue, number>;
      map.set(v, (map.get(v) ?? 0) + sign);
    }
  }

  /** The counts as they stand. */
  snapshot(): TallyCount[] {
    return this.counted.map((d) => {
      const base = { udfald: d.key, titel: d.titel, kind: d.kind };
      if (d.kind === 'beloeb') return { ...base, vaerdier: [], sum: (this.sums.get(d.key) as Decimal).toFixed(2) };
      return { ...base, vaerdier: [...(this.counts.get(d.key) as Map<OutcomeValue, number>)].map(([vaerdi, antal]) => ({ vaerdi, antal })) };
    });
  }
}
