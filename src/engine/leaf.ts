/**
 * One comparison of a fact with a threshold, compiled: the decision (three-valued, no
 * allocation) and the explanation (the figure, threshold, margin and source). An ordered
 * comparison with a constant threshold decides an exact share by cross-multiplication and
 * a decimal by one scaled-integer subtraction that also gives the margin.
 */
import { isDecimalLike as isNumeric } from '../domain/decimal.js';
import type { FactDefinition, FactType, Facts } from '../domain/fact-types.js';
import type { Mutable } from '../domain/freeze.js';
import { compareShare, Ratio, scaledThreshold } from '../domain/ratio.js';
import { comparator, figureOf, SIGN_TESTS, type SignTest, snapshot, typeCheck } from './comparators.js';
import { decimalDifference, prepareDecimal, preparedDifference, scaledSignOf } from './decimal-compare.js';
import type { LeafInput } from './grammar.js';
import { OPERATORS, type OperatorDefinition } from './operators.js';
import { type Decide, type ExplainLeaf, fromTri, type PlanNode, type Read, readFact, type ShareTest, type Tri, type ValueOperator, type ValueTest, FALSE, TRUE, UNKNOWN } from './program.js';
import type { FactExplanation, Source, Threshold, Truth } from './types.js';

/** What a leaf reads through the compiler: the catalogue, the shared reads, and its operand. */
export interface LeafEnvironment {
  readonly catalogue: ReadonlyMap<string, FactDefinition>;
  read(fact: string, path: string | undefined): Read;
  operand(value: unknown, op: OperatorDefinition): Operand;
}

/** The right-hand side of a comparison: a constant (literal or parameter) or another fact. */
export interface Operand {
  readonly get: (facts: Facts) => unknown;
  readonly constant: unknown;
  readonly info: Threshold;
  readonly read?: Read;
}

/** The exact share behind a leaf whose figure is shown as a decimal string (trees stay as they were; this is beside them). */
const exactFigures = new WeakMap<FactExplanation, Ratio>();

/**
 * The exact share a leaf of an explanation compared, when its fact was a {@link Ratio}:
 * its `factValue` is the share's decimal string, truncated after 20 decimals where the
 * share does not end there. Internal: for exact breakpoints.
 */
export function exactFigureOf(leaf: FactExplanation): Ratio | undefined {
  return exactFigures.get(leaf);
}

/** Compiles one leaf: its decision, its explanation and its plan, reading facts through `env`. */
export function compileLeaf(leaf: LeafInput, source: Source | undefined, env: LeafEnvironment): { decide: Decide; explain: ExplainLeaf; plan: PlanNode } {
  const def = env.catalogue.get(leaf.fact);
  const op = OPERATORS.get(leaf.operator);
  if (def === undefined || op === undefined) throw new Error(`unchecked leaf ${leaf.fact} ${leaf.operator}`);
  const read = env.read(leaf.fact, leaf.path);
  const valueType: FactType | undefined = leaf.path === undefined ? def.type : undefined;
  const check = typeCheck(leaf.fact + (leaf.path ?? ''), valueType, op);
  const operand = env.operand(leaf.value, op);
  const compare = comparator(op, operand.constant);
  const thresholdInfo: Threshold = operand.info;
  const leafSource = source;
  // a present fact value has passed `check`; a constant threshold was checked at load
  const factNumeric = valueType === 'number' || valueType === 'decimal';
  const thresholdNumeric = operand.read === undefined && isNumeric(operand.constant);

  // A fact read whole has its catalogue type checked at the boundary (`checkFacts`, or a
  // domain's own validation for `trustedDecider`) before any decision; a value reached
  // through `path` has no catalogue type and is checked here, against the operator.
  const checked = valueType !== undefined;
  // a constant threshold (literal or parameter) needs no read per decision
  const constant = operand.read === undefined ? figureOf(operand.constant) : undefined;
  const decide: Decide = (ctx) => {
    // what the boundary check scanned of the fact: no read and no second scan
    const scanned = ctx.scanned;
    const slot = read.slot;
    if (scanned !== undefined && scannedThreshold !== undefined && slot >= 0) {
      const value = scanned[2 * slot] as number;
      if (value === value) {
        const sign = scaledSignOf(value, scanned[2 * slot + 1] as number, scannedThreshold.scaled, scannedThreshold.scale);
        if (sign === sign) return (signTest as SignTest)(sign) ? TRUE : FALSE;
      }
    }
    // an exact share the domain computed for this fact: as the Ratio below, unread
    const shares = ctx.shares;
    if (shares !== undefined && ratioThreshold !== undefined && stringsAllowed && slot >= 0) {
      const denominator = shares[2 * slot + 1] as number;
      if (denominator === denominator) return (signTest as SignTest)(compareShare(shares[2 * slot] as number, denominator, ratioThreshold.value, ratioThreshold.decimals)) ? TRUE : FALSE;
    }
    let a = readFact(read, ctx);
    if (a === undefined || a === null) return UNKNOWN;
    if (typeof a === 'object' && a instanceof Ratio) {
      // an exact share against a constant threshold: integer cross-multiplication
      if (ratioThreshold !== undefined && stringsAllowed) return (signTest as SignTest)(a.compareScaled(ratioThreshold.value, ratioThreshold.decimals)) ? TRUE : FALSE;
      a = a.toDecimalString();
    }
    if (!checked) check(a);
    const b = constant ?? figureOf(operand.read !== undefined ? readFact(operand.read, ctx) : operand.get(ctx.facts));
    if (b === undefined || b === null) return UNKNOWN;
    return compare(a, b) ? TRUE : FALSE;
  };

  // built by assignment, not spreads: this is the explained path's hottest allocation
  const explained = (outcome: Tri, a: unknown, threshold: Threshold, margin: string | undefined): FactExplanation => {
    const node: Mutable<FactExplanation> = { kind: 'fact', outcome: fromTri(outcome), fact: leaf.fact, factType: def.type, description: def.description, unit: def.unit, operator: op.name, threshold };
    if (leaf.path !== undefined) node.path = leaf.path;
    if (a !== undefined && a !== null) node.factValue = snapshot(a);
    if (margin !== undefined) node.margin = margin;
    if (leafSource !== undefined) node.source = leafSource;
    return Object.freeze(node);
  };
  // the fast path's node (a known figure and its margin) as one literal of a fixed shape per
  // leaf: adding optional properties one by one made the shared stores megamorphic
  const { fact, path } = leaf;
  const { type: factType, description, unit } = def;
  const operator = op.name;
  const threshold = thresholdInfo;
  type Measured = (outcome: Truth, factValue: string | number, margin: string) => FactExplanation;
  let measured: Measured;
  if (leafSource === undefined) {
    if (path === undefined) measured = (outcome, factValue, margin) => Object.freeze({ kind: 'fact', outcome, fact, factType, description, unit, operator, threshold, factValue, margin });
    else measured = (outcome, factValue, margin) => Object.freeze({ kind: 'fact', outcome, fact, factType, description, unit, operator, threshold, path, factValue, margin });
  } else if (path === undefined) {
    measured = (outcome, factValue, margin) => Object.freeze({ kind: 'fact', outcome, fact, factType, description, unit, operator, threshold, factValue, margin, source: leafSource });
  } else {
    measured = (outcome, factValue, margin) => Object.freeze({ kind: 'fact', outcome, fact, factType, description, unit, operator, threshold, path, factValue, margin, source: leafSource });
  }

  // an ordered comparison with a constant numeric threshold: one exact integer
  // subtraction gives both the outcome (its sign) and the margin
  const signTest = SIGN_TESTS[op.name];
  const prepared = op.ordered && signTest !== undefined && thresholdNumeric ? prepareDecimal(operand.constant as string | number) : undefined;
  const stringsAllowed = valueType === 'decimal' || (valueType === undefined && op.operand === 'decimal');
  // an exact share is compared with the threshold's every digit, however many
  const ratioThreshold = prepared !== undefined ? scaledThreshold(prepared.exact.toFixed()) : undefined;
  // a scanned figure decides by its sign against the prepared threshold: a decimal fact
  // with any numeric threshold, a number fact with a number threshold (as `<` would)
  const scannedThreshold =
    prepared?.scaled !== undefined && (valueType === 'decimal' || (valueType === 'number' && typeof operand.constant === 'number')) ? { scaled: prepared.scaled, scale: prepared.scale } : undefined;

  const explain: ExplainLeaf = (ctx) => {
    // an explanation shows a share as the decimal figure it is (read, not kept)
    const raw = read.get(ctx.facts);
    // the outcome of an exact share is its exact comparison, as the decision's, even where
    // the shown figure (20 decimals) cannot tell it from a threshold of more decimals
    const exactSign = raw instanceof Ratio && ratioThreshold !== undefined && stringsAllowed ? raw.compareScaled(ratioThreshold.value, ratioThreshold.decimals) : undefined;
    const a = raw instanceof Ratio ? raw.toDecimalString() : raw;
    if (prepared !== undefined && (typeof a === 'number' || (typeof a === 'string' && stringsAllowed))) {
      // a value the fast path accepts is one `check` accepts; anything else goes the general way
      const margin = preparedDifference(a, prepared);
      if (margin !== undefined) {
        const sign = exactSign ?? signOfDifference(margin);
        const node = measured((signTest as SignTest)(sign), a, margin);
        if (raw instanceof Ratio) exactFigures.set(node, raw);
        return node;
      }
    }
    const b = figureOf(operand.get(ctx.facts));
    let outcome: Tri;
    if (a === undefined || a === null) {
      (ctx.missing ??= new Set()).add(read.label);
      outcome = UNKNOWN;
    } else {
      check(a);
      if (b === undefined || b === null) {
        if (operand.read) (ctx.missing ??= new Set()).add(operand.read.label);
        outcome = UNKNOWN;
      } else if (exactSign !== undefined) outcome = (signTest as SignTest)(exactSign) ? TRUE : FALSE;
      else outcome = compare(a, b) ? TRUE : FALSE;
    }
    const known = a !== undefined && a !== null;
    const bKnown = b !== undefined && b !== null;
    // constant thresholds (literals, parameters) already carry their value
    const threshold: Threshold = !bKnown || operand.read === undefined ? thresholdInfo : Object.freeze({ ...thresholdInfo, value: snapshot(b) });
    const margin = op.ordered && known && bKnown && (factNumeric || isNumeric(a)) && (thresholdNumeric || isNumeric(b)) ? decimalDifference(a as string | number, b as string | number) : undefined;
    const node = explained(outcome, a, threshold, margin);
    if (raw instanceof Ratio) exactFigures.set(node, raw);
    return node;
  };
  // what the decision's `shares` branch compares, for a trusted decider's flat program
  const share: ShareTest | undefined =
    ratioThreshold !== undefined && stringsAllowed && signTest !== undefined ? { read, threshold: ratioThreshold.value, decimals: ratioThreshold.decimals, signs: signsOf(signTest) } : undefined;
  // what the decision makes of a fact's value, for the flat program: a checked whole fact
  // (not a decimal, which may be a Ratio) against a present constant
  const valueOperator = VALUE_OPERATORS.get(op.name);
  const value: ValueTest | undefined =
    valueOperator !== undefined && leaf.path === undefined && valueType !== undefined && valueType !== 'decimal' && operand.read === undefined && constant !== undefined && constant !== null && (!op.ordered || typeof constant === 'number')
      ? { read, operator: valueOperator, constant }
      : undefined;
  return { decide, explain, plan: { kind: 'leaf', decide, share, value } };
}

const VALUE_OPERATORS: ReadonlyMap<string, ValueOperator> = new Map(
  (['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'] as const).map((name) => [name, name]),
);

/** The signs (−1, 0, 1) a sign test holds for, as bits 0, 1 and 2. */
function signsOf(test: SignTest): number {
  return (test(-1) ? 1 : 0) | (test(0) ? 2 : 0) | (test(1) ? 4 : 0);
}

/** The sign of an exact decimal difference as `preparedDifference` writes it ("-0.5", "0", "2"). */
function signOfDifference(margin: string): number {
  if (margin.charCodeAt(0) === 45 /* - */) return -1;
  return margin === '0' ? 0 : 1;
}
