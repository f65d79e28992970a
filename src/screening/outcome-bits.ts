/**
 * A screening result's outcomes, one per rule, kept in two small integers instead of a
 * list: bit i of `known` is set where rule i is decided, bit i of `met` where it is true.
 * That fits rule sets of up to {@link MAX_PACKED_RULES} rules (a small integer has 31
 * bits); a larger one keeps its outcomes as a frozen list.
 */
import type { Truth } from '../engine/types.js';

/** The most rules whose outcomes fit in two small integers. */
export const MAX_PACKED_RULES = 30;

/** Bit i set where `outcomes[i]` is decided (true or false). */
export function knownBits(outcomes: readonly Truth[]): number {
  let bits = 0;
  for (let i = 0; i < outcomes.length; i++) if (outcomes[i] !== null) bits |= 1 << i;
  return bits;
}

/** Bit i set where `outcomes[i]` is true. */
export function metBits(outcomes: readonly Truth[]): number {
  let bits = 0;
  for (let i = 0; i < outcomes.length; i++) if (outcomes[i] === true) bits |= 1 << i;
  return bits;
}

/** The outcomes of `count` rules from their masks, as a frozen list. */
export function unpackOutcomes(known: number, met: number, count: number): readonly Truth[] {
  const out: Truth[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = (known >> i) & 1 ? ((met >> i) & 1) === 1 : null;
  return Object.freeze(out);
}
