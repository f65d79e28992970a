/**
 * Checking an expected exact share against a result's {@link Andel}: the fraction by
 * value ("4/10" equals "2/5", "0.4" too), and, when written, the decimal form the result
 * shows and whether it is exact.
 */
import { compare, rational, rationalFromDecimal, type Rational } from '../financing/rational.js';
import { rationalOf, type Andel } from '../lifecycle/andel.js';
import type { Expectations, JsonValue } from './expect.js';

/** An expected share as a scenario writes it: the fraction, null (unknown), or the fraction with its decimal form. */
export type AndelExpected = string | null | { readonly broek?: string | undefined; readonly decimal?: string | undefined; readonly eksakt?: boolean | undefined };

/** The exact value of a fraction ("2/5") or decimal ("0.4") the scenario schema accepted. */
function parseBroek(text: string): Rational {
  const slash = text.indexOf('/');
  if (slash < 0) return rationalFromDecimal(text);
  return rational(BigInt(text.slice(0, slash)), BigInt(text.slice(slash + 1)));
}

const shown = (a: Andel) => `${a.taeller}/${a.naevner}`;

/** Checks one expected share (nothing when `expected` is undefined). */
export function checkAndel(e: Expectations, rule: string, expected: AndelExpected | undefined, actual: Andel | null): void {
  if (expected === undefined) return;
  if (expected === null || typeof expected === 'string') {
    if (expected === null || actual === null) e.value(rule, expected, actual === null ? null : shown(actual));
    else if (compare(parseBroek(expected), rationalOf(actual)) !== 0) e.fail(rule, expected, shown(actual));
    return;
  }
  if (actual === null) {
    e.fail(rule, Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)) as JsonValue, null);
    return;
  }
  if (expected.broek !== undefined) checkAndel(e, `${rule}.broek`, expected.broek, actual);
  e.decimal(`${rule}.decimal`, expected.decimal, actual.decimal);
  e.value(`${rule}.eksakt`, expected.eksakt, actual.eksakt);
}
