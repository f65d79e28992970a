/**
 * A trusted decider's program: every rule's condition tree, and each named condition
 * once, flattened into typed arrays with every node after its children, and decided in
 * one pass from the first node to the last. It decides as the rules' closures do —
 * three-valued, a named condition decided once per decision — with `disable` and
 * `override` folded in when it is built: a switched-off condition or rule is the constant
 * false, and its tree is not built; an overridden condition is its constant. It does not
 * short-circuit: every node built is decided, which changes no outcome (a leaf's decision
 * has no effects, and a trusted decider's facts are the domain's own, of the catalogue's
 * types). A leaf comparing an exact share with a constant threshold is compared here from
 * the domain's `shares`, and one comparing a plain fact with a constant from the domain's
 * `values`; every other leaf (and a fact the domain did not write) is decided by its own
 * closure.
 */
import { compareShare } from '../domain/ratio.js';
import { type Decide, type EvalContext, FALSE, FROM_FACTS, fromTri, type PlanNode, type Program, type Tri, TRUE, UNKNOWN, type ValueOperator } from './program.js';
import type { Truth } from './types.js';

/** Node kinds. */
const LEAF = 0;
const SHARE = 1;
const ALL = 2;
const ANY = 3;
const NOT = 4;
const AT_LEAST = 5;
const CONSTANT = 6;
const VALUE = 7;

/** The operators of a value leaf, as codes (its `extra`). */
const VALUE_CODES: Readonly<Record<ValueOperator, number>> = {
  equal: 0,
  notEqual: 1,
  lessThan: 2,
  lessThanInclusive: 3,
  greaterThan: 4,
  greaterThanInclusive: 5,
  in: 6,
  notIn: 7,
  contains: 8,
  doesNotContain: 9,
};

/**
 * The flattened nodes, by index, each after its children. `first` and `count` by kind: a
 * junction's children are `children[first .. first + count)`; `not` has its child at
 * `first`; a share leaf its `shares`
 * offset (2 × the fact's slot) at `first`, the signs it holds for in `extra`, and its
 * threshold as digits (`thresholds`) and the power of ten of its decimals (`powers`);
 * a value leaf its fact's slot at `first`, its operator's code in `extra` and its
 * constant in `constants`; `atLeast` its required count in `extra`; a constant its truth
 * at `first`.
 */
interface Nodes {
  readonly kind: Uint8Array;
  readonly first: Int32Array;
  readonly count: Int32Array;
  readonly extra: Int32Array;
  readonly children: Int32Array;
  readonly thresholds: readonly (number | bigint)[];
  /** A share leaf's 10^decimals, or NaN where the threshold's digits are a BigInt or that power is not exact. */
  readonly powers: Float64Array;
  readonly decimals: Int32Array;
  readonly constants: readonly unknown[];
  readonly calls: readonly (Decide | undefined)[];
}

/** Decides every rule of a rule set in one pass. */
export interface DecisionPlan {
  /** Decides every rule on `ctx` (which must not carry `scanned`), writing each outcome into `out` by rule index. */
  decideInto(ctx: EvalContext, out: Truth[]): void;
  /**
   * Decides every rule on `ctx` into two masks (a rule set of at most {@link MAX_MASKED_RULES}
   * rules): bit i of `into[0]` set where rule i is decided, of `into[1]` where it is true.
   */
  decideMasks(ctx: EvalContext, into: Int32Array): void;
}

/** The most rules whose outcomes {@link DecisionPlan.decideMasks} can write (a small integer has 31 bits). */
export const MAX_MASKED_RULES = 30;

/**
 * Flattens a compiled rule set's program, with the switched-off rules and conditions
 * (`disabled`) and the overridden conditions (`override`) folded in.
 */
export function decisionPlan(program: Program, disabled: ReadonlySet<string> | undefined, override: Readonly<Record<string, boolean>> | undefined): DecisionPlan {
  const builder = new PlanBuilder(program, disabled, override);
  const roots = Int32Array.from(program.rules.map((r) => (disabled?.has(r.info.id) === true ? builder.constant(FALSE) : builder.add(r.plan))));
  return new FlatPlan(builder.nodes(), roots);
}

/**
 * A flattened plan. A class, not closures made per plan: every batch makes its own plan,
 * and code optimised for one plan's closures is thrown away when that plan is collected,
 * so each batch after a full garbage collection would start its hot loop unoptimised;
 * the methods of a class are one function for every plan.
 */
class FlatPlan implements DecisionPlan {
  readonly #nodes: Nodes;
  readonly #roots: Int32Array;
  /** Each node's outcome in the decision under way. */
  readonly #values: Uint8Array;

  constructor(nodes: Nodes, roots: Int32Array) {
    this.#nodes = nodes;
    this.#roots = roots;
    this.#values = new Uint8Array(nodes.kind.length);
  }

  decideInto(ctx: EvalContext, out: Truth[]): void {
    const values = this.#values;
    const roots = this.#roots;
    decideAll(this.#nodes, ctx, values);
    for (let i = 0; i < roots.length; i++) out[i] = fromTri(values[roots[i] as number] as Tri);
  }

  decideMasks(ctx: EvalContext, into: Int32Array): void {
    const values = this.#values;
    const roots = this.#roots;
    if (roots.length > MAX_MASKED_RULES) throw new Error(`decideMasks: ${roots.length} rules do not fit in the masks (at most ${MAX_MASKED_RULES})`);
    decideAll(this.#nodes, ctx, values);
    let known = 0;
    let met = 0;
    for (let i = 0; i < roots.length; i++) {
      const t = values[roots[i] as number] as Tri;
      if (t !== UNKNOWN) known |= 1 << i;
      if (t === TRUE) met |= 1 << i;
    }
    into[0] = known;
    into[1] = met;
  }
}

/** Decides every node, first to last, into `values`. */
function decideAll(n: Nodes, ctx: EvalContext, values: Uint8Array): void {
  const { kind, first, count, extra, children } = n;
  const shares = ctx.shares;
  for (let i = 0; i < kind.length; i++) {
    let t: Tri;
    switch (kind[i]) {
      case SHARE:
        t = shares === undefined ? (n.calls[i] as Decide)(ctx) : shareLeaf(n, i, shares, ctx);
        break;
      case LEAF:
        t = (n.calls[i] as Decide)(ctx);
        break;
      case VALUE: {
        const a = ctx.values === undefined ? FROM_FACTS : ctx.values[first[i] as number];
        if (a === FROM_FACTS) t = (n.calls[i] as Decide)(ctx);
        else if (a === undefined || a === null) t = UNKNOWN;
        else t = valueHolds(extra[i] as number, a, n.constants[i]) ? TRUE : FALSE;
        break;
      }
      case ALL:
      case ANY: {
        const stop: Tri = kind[i] === ALL ? FALSE : TRUE;
        const start = first[i] as number;
        const end = start + (count[i] as number);
        let unknown = false;
        t = stop === FALSE ? TRUE : FALSE;
        for (let c = start; c < end; c++) {
          const r = values[children[c] as number];
          if (r === stop) {
            t = stop;
            unknown = false;
            break;
          }
          if (r === UNKNOWN) unknown = true;
        }
        if (unknown) t = UNKNOWN;
        break;
      }
      case NOT: {
        const r = values[first[i] as number];
        t = r === UNKNOWN ? UNKNOWN : r === TRUE ? FALSE : TRUE;
        break;
      }
      case AT_LEAST: {
        const required = extra[i] as number;
        const start = first[i] as number;
        const end = start + (count[i] as number);
        let met = 0;
        let unknown = 0;
        for (let c = start; c < end; c++) {
          const r = values[children[c] as number];
          if (r === TRUE) met++;
          else if (r === UNKNOWN) unknown++;
        }
        t = met >= required ? TRUE : met + unknown < required ? FALSE : UNKNOWN;
        break;
      }
      default:
        t = first[i] as Tri;
    }
    values[i] = t;
  }
}

/** A value leaf's comparison of a present fact value `a` with its constant `c`, as the comparators make it. */
function valueHolds(code: number, a: unknown, c: unknown): boolean {
  switch (code) {
    case 0:
      return a === c;
    case 1:
      return a !== c;
    case 2:
      return (a as number) < (c as number);
    case 3:
      return (a as number) <= (c as number);
    case 4:
      return (a as number) > (c as number);
    case 5:
      return (a as number) >= (c as number);
    case 6:
      return Array.isArray(c) && c.includes(a);
    case 7:
      return Array.isArray(c) && !c.includes(a);
    case 8:
      return Array.isArray(a) && a.includes(c);
    default:
      return Array.isArray(a) && !a.includes(c);
  }
}

/** A share leaf from the domain's shares: cross-multiplied in safe integers where they suffice, else exactly by `compareShare`. */
function shareLeaf(n: Nodes, i: number, shares: ArrayLike<number>, ctx: EvalContext): Tri {
  const at = n.first[i] as number;
  const denominator = shares[at + 1] as number;
  // NaN: the domain wrote no share for this fact; the leaf reads the fact
  if (denominator !== denominator) return (n.calls[i] as Decide)(ctx);
  const numerator = shares[at] as number;
  const power = n.powers[i] as number;
  let sign: number;
  if (denominator !== 0 && power === power) {
    const left = numerator * power;
    const right = (n.thresholds[i] as number) * denominator;
    sign = Number.isSafeInteger(left) && Number.isSafeInteger(right) ? (left > right ? 1 : left < right ? -1 : 0) : compareShare(numerator, denominator, n.thresholds[i] as number | bigint, n.decimals[i] as number);
  } else sign = compareShare(numerator, denominator, n.thresholds[i] as number | bigint, n.decimals[i] as number);
  return ((n.extra[i] as number) >> (sign + 1)) & 1 ? TRUE : FALSE;
}

/** Builds the node arrays, each named condition once. */
class PlanBuilder {
  private readonly kind: number[] = [];
  private readonly first: number[] = [];
  private readonly count: number[] = [];
  private readonly extra: number[] = [];
  private readonly children: number[] = [];
  private readonly thresholds: (number | bigint)[] = [];
  private readonly decimals: number[] = [];
  private readonly constants: unknown[] = [];
  private readonly calls: (Decide | undefined)[] = [];
  /** Each named condition's root, once flattened. */
  private readonly named = new Map<string, number>();

  constructor(
    private readonly program: Program,
    private readonly disabled: ReadonlySet<string> | undefined,
    private readonly override: Readonly<Record<string, boolean>> | undefined,
  ) {}

  /** Adds a tree, children before their parent; returns its root's index. */
  add(plan: PlanNode): number {
    switch (plan.kind) {
      case 'leaf': {
        const valueSlot = plan.value?.read.slot ?? -1;
        if (plan.value !== undefined && valueSlot >= 0) {
          const at = this.push(VALUE, valueSlot, 0, VALUE_CODES[plan.value.operator], 0, plan.decide);
          this.constants[at] = plan.value.constant;
          return at;
        }
        const slot = plan.share?.read.slot ?? -1;
        if (plan.share === undefined || slot < 0) return this.push(LEAF, 0, 0, 0, 0, plan.decide);
        return this.push(SHARE, 2 * slot, 0, plan.share.signs, plan.share.threshold, plan.decide, plan.share.decimals);
      }
      case 'all':
      case 'any':
      case 'atLeast': {
        const kids = plan.children.map((c) => this.add(c));
        const start = this.children.length;
        this.children.push(...kids);
        const kind = plan.kind === 'all' ? ALL : plan.kind === 'any' ? ANY : AT_LEAST;
        return this.push(kind, start, kids.length, plan.kind === 'atLeast' ? plan.required : 0, 0, undefined);
      }
      case 'not':
        return this.push(NOT, this.add(plan.child), 0, 0, 0, undefined);
      case 'ref':
        return this.reference(plan.name);
    }
  }

  /** A constant node. */
  constant(t: Tri): number {
    return this.push(CONSTANT, t, 0, 0, 0, undefined);
  }

  nodes(): Nodes {
    return {
      kind: Uint8Array.from(this.kind),
      first: Int32Array.from(this.first),
      count: Int32Array.from(this.count),
      extra: Int32Array.from(this.extra),
      children: Int32Array.from(this.children),
      thresholds: this.thresholds,
      // 10^k is exact as a double up to k = 22; a BigInt threshold goes the exact way
      powers: Float64Array.from(this.thresholds, (t, i) => (typeof t === 'number' && Number.isSafeInteger(t) && (this.decimals[i] as number) <= 22 ? 10 ** (this.decimals[i] as number) : Number.NaN)),
      decimals: Int32Array.from(this.decimals),
      constants: this.constants,
      calls: this.calls,
    };
  }

  private reference(name: string): number {
    if (this.disabled?.has(name) === true) return this.constant(FALSE);
    if (this.override !== undefined && Object.hasOwn(this.override, name)) return this.constant(this.override[name] ? TRUE : FALSE);
    let root = this.named.get(name);
    if (root === undefined) {
      const plan = this.program.namedPlans.get(name);
      if (plan === undefined) throw new Error(`decision plan: unchecked reference to condition ${name}`);
      // built before whatever refers to it, so decided before it (cycles were rejected by the loader's checks)
      root = this.add(plan);
      this.named.set(name, root);
    }
    // a reference is its condition's root: no node of its own
    return root;
  }

  private push(kind: number, first: number, count: number, extra: number, threshold: number | bigint, call: Decide | undefined, decimals = 0): number {
    this.kind.push(kind);
    this.decimals.push(decimals);
    this.constants.push(undefined);
    this.first.push(first);
    this.count.push(count);
    this.extra.push(extra);
    this.thresholds.push(threshold);
    this.calls.push(call);
    return this.kind.length - 1;
  }
}
