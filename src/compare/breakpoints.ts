/**
 * Exact breakpoints from margins. Where a condition compares a figure directly with a
 * parameter (`udenArbejdePct > [maxUdenArbejdePct]`), the comparison flips where the
 * parameter reaches the figure: at threshold + margin, no stepping needed. Whether the
 * figure itself already lies on the far side follows from the operator: `fact > t` is
 * false once t reaches the figure, `fact ≥ t` only once t passes it.
 */
import { Decimal } from '../domain/decimal.js';
import { exactFigureOf } from '../engine/leaf.js';
import { definitionOf } from '../engine/program.js';
import { OPERATORS } from '../engine/operators.js';
import type { CompiledRuleSet, ExplanationNode, FactExplanation } from '../engine/types.js';
import { type ConditionInput, isRefTo } from '../engine/grammar.js';
import type { ParameterFigureGroup, RowExplanation } from './types.js';

/**
 * Which side of a breakpoint the breakpoint value itself belongs to, as the parameter
 * rises: `upper` — the value already has the outcome of the values above it (`fact > t`
 * at t = fact is false, like t above it); `lower` — it still has the outcome below.
 */
export type BreakpointSide = 'upper' | 'lower';

/** One point at which a row's comparison with the parameter flips. */
export interface Breakpoint {
  /** The parameter value, exact (threshold + margin), as a decimal string. */
  readonly value: string;
  readonly side: BreakpointSide;
  /** The figure compared, and the explanation it is in (its label, e.g. "forrige periode …"). */
  readonly fact: string;
  readonly label?: string;
  readonly ruleSet: string;
}

/** The side of each ordered operator's breakpoint (equality operators have points, not thresholds). */
const SIDE: Readonly<Record<string, BreakpointSide>> = {
  greaterThan: 'upper',
  decimalGreaterThan: 'upper',
  greaterThanInclusive: 'lower',
  decimalGreaterThanInclusive: 'lower',
  lessThan: 'lower',
  decimalLessThan: 'lower',
  lessThanInclusive: 'upper',
  decimalLessThanInclusive: 'upper',
};

/**
 * Whether every use of `parameter` in the rule sets' conditions is a threshold of an
 * ordered comparison (so its breakpoints follow from margins): not a count in `atLeast`,
 * not a list in `in`, not an equality.
 */
export function comparedDirectly(ruleSets: readonly CompiledRuleSet[], parameter: string): boolean {
  let uses = 0;
  let direct = true;
  const walk = (node: ConditionInput): void => {
    if ('all' in node) node.all.forEach(walk);
    else if ('any' in node) node.any.forEach(walk);
    else if ('not' in node) walk(node.not);
    else if ('atLeast' in node) {
      if (isRefTo(node.atLeast, 'parameter') && node.atLeast.parameter === parameter) direct = false;
      node.of.forEach(walk);
    } else if ('condition' in node) return;
    else if (isRefTo(node.value, 'parameter') && node.value.parameter === parameter) {
      uses++;
      if (!Object.hasOwn(SIDE, node.operator) || OPERATORS.get(node.operator)?.ordered !== true) direct = false;
    }
  };
  for (const rs of ruleSets) {
    const file = definitionOf(rs);
    for (const named of Object.values(file.conditions ?? {})) walk(named.condition);
    for (const rule of file.rules) walk(rule.conditions);
  }
  return direct && uses > 0;
}

function leaves(node: ExplanationNode, out: FactExplanation[]): void {
  switch (node.kind) {
    case 'fact':
      out.push(node);
      return;
    case 'not':
      leaves(node.child, out);
      return;
    case 'condition':
      if (node.child !== undefined) leaves(node.child, out);
      return;
    default:
      for (const c of node.children) leaves(c, out);
  }
}

/**
 * The breakpoints of one row: every known figure compared with `parameter` of the given
 * rule-set versions, at threshold + margin, sorted ascending and without duplicates; and
 * the parameter's value the row was evaluated with (the thresholds' value).
 */
export function breakpointsOf(explanations: readonly RowExplanation[], ruleSet: string, versions: ReadonlySet<string>, parameter: string): { readonly breakpoints: readonly Breakpoint[]; readonly threshold?: string } {
  const groups = explanations.map(({ label, evaluation }): ParameterFigureGroup => {
    const all: FactExplanation[] = [];
    if (evaluation.ruleSet.id === ruleSet && versions.has(evaluation.ruleSet.version)) for (const rule of evaluation.rules) leaves(rule.explanation, all);
    return { ...(label !== undefined ? { label } : {}), ruleSet: evaluation.ruleSet, leaves: all };
  });
  return breakpointsOfFigures(groups, ruleSet, versions, parameter);
}

/**
 * {@link breakpointsOf} from the comparisons themselves, grouped by the explanation they
 * are in (what a question's `parameterFigures` gives, with no trees built).
 */
export function breakpointsOfFigures(groups: readonly ParameterFigureGroup[], ruleSet: string, versions: ReadonlySet<string>, parameter: string): { readonly breakpoints: readonly Breakpoint[]; readonly threshold?: string } {
  const found = new Map<string, Breakpoint>();
  let threshold: string | undefined;
  for (const { label, ruleSet: info, leaves: all } of groups) {
    if (info.id !== ruleSet || !versions.has(info.version)) continue;
    for (const leaf of all) {
      const t = leaf.threshold;
      const operatorSide = Object.hasOwn(SIDE, leaf.operator) ? SIDE[leaf.operator] : undefined;
      if (t.parameter !== parameter || operatorSide === undefined || leaf.margin === undefined || (typeof t.value !== 'string' && typeof t.value !== 'number')) continue;
      // a share shown truncated after 20 decimals is a hair above its figure: at the figure
      // itself every comparison still has the outcome below, and it flips just above
      // (asked only of the leaves compared with the parameter: it divides the share out)
      const side = exactFigureOf(leaf)?.isTruncated() === true ? 'lower' : operatorSide;
      threshold ??= String(t.value);
      const value = new Decimal(String(t.value)).plus(leaf.margin).toString();
      const key = `${value}\u0000${side}`;
      if (!found.has(key)) found.set(key, { value, side, fact: leaf.fact, ...(label !== undefined ? { label } : {}), ruleSet });
    }
  }
  // at one value, `upper` before `lower`: the breakpoints a value has reached are then a prefix
  const sideOrder = (s: BreakpointSide) => (s === 'upper' ? 0 : 1);
  const breakpoints = [...found.values()].sort((a, b) => new Decimal(a.value).comparedTo(b.value) || sideOrder(a.side) - sideOrder(b.side));
  return { breakpoints, ...(threshold !== undefined ? { threshold } : {}) };
}

/**
 * The segment a parameter value falls in, given a row's breakpoints as {@link breakpointsOf}
 * sorts them: how many the value has reached (one with side `upper` is reached at its
 * value, one with side `lower` only above it). Between two values with the same segment,
 * every comparison with the parameter has the same outcome.
 */
export function segmentOf(value: Decimal, breakpoints: readonly Breakpoint[]): number {
  return segmentAt(value, breakpoints, breakpoints.map((b) => new Decimal(b.value)));
}

/**
 * {@link segmentOf} of each of `values`, each breakpoint's value parsed once (a sweep asks
 * it of every row at every value). Along rising values (a sweep's) the count only grows,
 * so each value goes on from the count of the one before it: one comparison per value
 * and per breakpoint, not per value times breakpoints; a value below the one before it
 * counts again from the first breakpoint.
 */
export function segmentsOf(values: readonly Decimal[], breakpoints: readonly Breakpoint[]): number[] {
  const at = breakpoints.map((b) => new Decimal(b.value));
  const out = new Array<number>(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as Decimal;
    if (i > 0 && v.lt(values[i - 1] as Decimal)) n = 0;
    while (n < at.length && reached(v, at[n] as Decimal, (breakpoints[n] as Breakpoint).side)) n++;
    out[i] = n;
  }
  return out;
}

function segmentAt(value: Decimal, breakpoints: readonly Breakpoint[], at: readonly Decimal[]): number {
  let n = 0;
  while (n < breakpoints.length && reached(value, at[n] as Decimal, (breakpoints[n] as Breakpoint).side)) n++;
  return n;
}

/** Whether `value` has reached a breakpoint at `at`: one with side `upper` at its value, one with side `lower` only above it. */
function reached(value: Decimal, at: Decimal, side: BreakpointSide): boolean {
  const c = value.comparedTo(at);
  return c > 0 || (c === 0 && side === 'upper');
}
