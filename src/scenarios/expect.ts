/**
 * Checking a scenario's expectations against what a domain function answered: only the
 * keys the analyst wrote are checked; each one that does not hold becomes a mismatch
 * naming its key path (e.g. `kategorier.omdannelse`, `funders.lbf.perAar.2024`).
 */
import { Decimal } from '../domain/decimal.js';

/** A JSON value, as expected in a scenario file or found in a result. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One expectation that did not hold. */
export interface ScenarioMismatch {
  /** What was expected: a rule id (engine level) or the expected key's path (domain level). */
  readonly rule: string;
  readonly expected: JsonValue;
  /** What came out; a Danish phrase such as "ingen sådan regel" when there was nothing to compare. */
  readonly actual: JsonValue;
}

/** Deep equality of JSON values (object keys in any order). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x as JsonValue, b[i] as JsonValue));
  }
  const ao = a as { readonly [key: string]: JsonValue };
  const bo = b as { readonly [key: string]: JsonValue };
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => Object.hasOwn(bo, k) && jsonEqual(ao[k], bo[k]));
}

const sorted = (list: readonly (string | number)[]): (string | number)[] => [...list].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));

/** Collects the mismatches of one scenario. */
export class Expectations {
  private readonly found: ScenarioMismatch[] = [];

  /** The mismatches so far, in the order the expectations were checked. */
  get mismatches(): readonly ScenarioMismatch[] {
    return this.found;
  }

  /** Records a mismatch. */
  fail(rule: string, expected: JsonValue, actual: JsonValue): void {
    this.found.push(Object.freeze({ rule, expected, actual }));
  }

  /** Checks a value when it was expected (`expected` not undefined). */
  value(rule: string, expected: JsonValue | undefined, actual: JsonValue | undefined): void {
    if (expected === undefined) return;
    if (!jsonEqual(expected, actual)) this.fail(rule, expected, actual === undefined ? 'ingen værdi' : actual);
  }

  /** Checks a list as a set: the same members, in any order. */
  set(rule: string, expected: readonly (string | number)[] | undefined, actual: readonly (string | number)[] | undefined): void {
    if (expected === undefined) return;
    const want = sorted(expected);
    const got = sorted(actual ?? []);
    if (!jsonEqual(want, got)) this.fail(rule, want, actual === undefined ? 'ingen værdi' : got);
  }

  /** Checks a decimal (an amount, a share) by value: "1250000" equals "1250000.00". */
  decimal(rule: string, expected: string | undefined, actual: string | undefined): void {
    if (expected === undefined) return;
    if (actual === undefined || !new Decimal(expected).eq(new Decimal(actual))) this.fail(rule, expected, actual ?? 'ingen værdi');
  }

  /** Checks a decimal that may be null (none, unknown): null only equals null, numbers compare by value. */
  decimalOrNull(rule: string, expected: string | null | undefined, actual: string | null): void {
    if (expected === undefined) return;
    if (expected === null || actual === null) this.value(rule, expected, actual);
    else this.decimal(rule, expected, actual);
  }

  /**
   * Checks the entries of an expected record against a lookup: each key the analyst
   * named must exist (else a mismatch with `absent`), and then `check` compares it.
   */
  each<E, A>(rule: string, expected: Readonly<Record<string, E>> | undefined, lookup: (key: string) => A | undefined, absent: string, check: (key: string, expected: E, actual: A) => void): void {
    if (expected === undefined) return;
    for (const [key, want] of Object.entries(expected)) {
      const got = lookup(key);
      if (got === undefined) this.fail(`${rule}.${key}`, want as JsonValue, absent);
      else check(`${rule}.${key}`, want, got);
    }
  }
}
