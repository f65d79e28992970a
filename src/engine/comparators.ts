/**
 * How a leaf compares: the sign test of each ordered operator, the comparison function of
 * every operator, the runtime type check of a fact's value, and the frozen snapshot of a
 * value an explanation shows.
 */
import { isDecimalLike as isNumeric } from '../domain/decimal.js';
import type { FactType, FactValue } from '../domain/fact-types.js';
import { Ratio } from '../domain/ratio.js';
import { BoligsocialError } from '../errors.js';
import { deepFreeze } from '../domain/freeze.js';
import { compareDecimal, compareDecimals, DECIMAL_TESTS, prepareDecimal, type PreparedDecimal } from './decimal-compare.js';
import type { OperatorDefinition } from './operators.js';

export type SignTest = (sign: number) => boolean;

/** What each ordered operator asks of the sign of fact − threshold. */
export const SIGN_TESTS: Readonly<Record<string, SignTest>> = {
  ...DECIMAL_TESTS,
  lessThan: (c) => c < 0,
  lessThanInclusive: (c) => c <= 0,
  greaterThan: (c) => c > 0,
  greaterThanInclusive: (c) => c >= 0,
};

/** The comparison function of an operator; `constant` is the threshold when it is known at compile time. */
export function comparator(op: OperatorDefinition, constant: unknown): (a: unknown, b: unknown) => boolean {
  switch (op.name) {
    case 'equal':
      return (a, b) => a === b;
    case 'notEqual':
      return (a, b) => a !== b;
    case 'lessThan':
      return (a, b) => (a as number) < (b as number);
    case 'lessThanInclusive':
      return (a, b) => (a as number) <= (b as number);
    case 'greaterThan':
      return (a, b) => (a as number) > (b as number);
    case 'greaterThanInclusive':
      return (a, b) => (a as number) >= (b as number);
    case 'in':
      return (a, b) => Array.isArray(b) && b.includes(a);
    case 'notIn':
      return (a, b) => Array.isArray(b) && !b.includes(a);
    case 'contains':
      return (a, b) => Array.isArray(a) && a.includes(b);
    case 'doesNotContain':
      return (a, b) => Array.isArray(a) && !a.includes(b);
    default: {
      const test = DECIMAL_TESTS[op.name];
      if (test === undefined) throw new Error(`operator without comparator: ${op.name}`);
      if (typeof constant === 'string' || typeof constant === 'number') {
        const prepared: PreparedDecimal = prepareDecimal(constant);
        return (a, b) => test(b === constant ? compareDecimal(a as string | number, prepared) : compareDecimals(a as string | number, b as string | number));
      }
      return (a, b) => test(compareDecimals(a as string | number, b as string | number));
    }
  }
}

/** A runtime check that a present fact value has the catalogue's type; throws a typed error otherwise. */
export function typeCheck(label: string, type: FactType | undefined, op: OperatorDefinition): (v: unknown) => void {
  const fits = valueFits(type, op);
  return (v) => {
    if (!fits(v)) {
      throw new BoligsocialError(
        'fact-type',
        `fact ${label} has value ${JSON.stringify(v)}, which is not ${type ?? `a value operator ${op.name} compares`}${type === 'decimal' ? ' (a decimal string such as "40.5" or a finite number)' : ''}`,
      );
    }
  };
}

/** Whether a present value has a fact type (or, read through `path`, fits the operator). */
export function valueFits(type: FactType | undefined, op: OperatorDefinition): (v: unknown) => boolean {
  switch (type) {
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'decimal':
      return (v) => isNumeric(v) || v instanceof Ratio;
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'string':
      return (v) => typeof v === 'string';
    case 'date':
      return (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    case 'string[]':
      return (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'object':
      return (v) => typeof v === 'object' && v !== null;
    case undefined:
      // a value reached through `path`: its type is checked against the operator only
      if (op.operand === 'decimal') return isNumeric;
      if (op.ordered) return (v) => typeof v === 'number' && Number.isFinite(v);
      if (op.operand === 'element') return Array.isArray;
      return (v) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  }
}

/** A value as rules compare it when no exact path applies: a share as its decimal string. */
export function figureOf(v: unknown): unknown {
  return v instanceof Ratio ? v.toDecimalString() : v;
}

/** A frozen copy of a value for the explanation, so results never alias (or freeze) the caller's input. */
export function snapshot(v: unknown): FactValue {
  if (typeof v !== 'object' || v === null) return v as FactValue;
  // lists of strings (the common case) need only a frozen shallow copy, and a frozen one not even that
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return (Object.isFrozen(v) ? v : Object.freeze(v.slice())) as FactValue;
  return deepFreeze(structuredClone(v)) as FactValue;
}
