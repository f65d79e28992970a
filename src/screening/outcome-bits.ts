/**
 * A screening result's outcomes, one per rule, kept in two small integers instead of a
 * list: bit i of `known` is set where rule i is decided, bit i of `met` where it is true.
 * That fits rule sets of up to {@link MAX_PACKED_RULES} rules (a small integer has 31
 * bits), as the batch's decider writes them; a larger one keeps its outcomes as a list.
 */
import { MAX_MASKED_RULES } from '../engine/decision-plan.js';
import type { Truth } from '../engine/types.js';

/** The most rules whose outcomes fit in two small integers. */
export const MAX_PACKED_RULES = MAX_MASKED_RULES;

/** Outcomes as decided: the two masks, or — beyond {@link MAX_PACKED_RULES} rules — the list (the masks are then 0). */
export interface DecidedOutcomes {
  readonly known: number;
  readonly met: number;
  readonly list: readonly Truth[] | undefined;
}

/** Rule i's outcome. */
export function outcomeAt(o: DecidedOutcomes, i: number): Truth {
  const list = o.list;
  if (list !== undefined) return list[i] ?? null;
  return ((o.known >>> i) & 1) === 1 ? ((o.met >>> i) & 1) === 1 : null;
}

/** Whether every one of the `count` rules is decided. */
export function allKnown(o: DecidedOutcomes, count: number): boolean {
  // masks hold at most 30 rules, so 1 << count stays a positive small integer
  return o.list !== undefined ? !o.list.includes(null) : o.known === (1 << count) - 1;
}

/** The outcomes of `count` rules from their masks, as a frozen list. */
export function unpackOutcomes(known: number, met: number, count: number): readonly Truth[] {
  const out: Truth[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = (known >> i) & 1 ? ((met >> i) & 1) === 1 : null;
  return Object.freeze(out);
}
