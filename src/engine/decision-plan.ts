/**
 * A trusted decider's program: every rule's condition tree, and each named condition
 * once, flattened into typed arrays and decided by one recursive function. It decides as
 * the rules' closures do — three-valued, short-circuiting in the same order, a named
 * condition decided once per decision — with `disable` and `override` folded in when it
 * is built: a switched-off condition or rule is the constant false, an overridden
 * condition its constant. A leaf comparing an exact share with a constant threshold is
 * compared here from the domain's `shares`; every other leaf (and a share the domain did
 * not write) is decided by its own closure.
 */
import { compareShare } from '../domain/ratio.js';
import { type Decide, type EvalContext, FALSE, fromTri, type PlanNode, type Program, type Tri, TRUE, UNKNOWN } from './program.js';
import type { Truth } from './types.js';

/** Node kinds. */
const LEAF = 0;
const SHARE = 1;
const ALL = 2;
const ANY = 3;
const NOT = 4;
const AT_LEAST = 5;
const REF = 6;
const CONSTANT = 7;

/**
 * The flattened nodes, by index. `first` and `count` by kind: a junction's children are
 * `children[first .. first + count)`; `not` has its child at `first`; a reference its
 * named condition's root at `first` and its memo slot in `count`; a share leaf its
 * `shares` offset (2 × the fact's slot) at `first`, the threshold's decimals in `count`
 * and the signs it holds for in `extra`; `atLeast` its required count in `extra`; a
 * constant its truth at `first`.
 */
interface Nodes {
  readonly kind: Uint8Array;
  readonly first: Int32Array;
  readonly count: Int32Array;
  readonly extra: Int32Array;
  readonly children: Int32Array;
  readonly thresholds: readonly (number | bigint)[];
  readonly calls: readonly (Decide | undefined)[];
}

/** Decides every rule of a rule set in one pass. */
export interface DecisionPlan {
  /** Each rule's root node, in rule order. */
  readonly roots: Int32Array;
  /** Decides every rule on `ctx` (which must not carry `scanned`), writing each outcome into `out` by rule index. */
  decideInto(ctx: EvalContext, out: Truth[]): void;
}

/**
 * Flattens a compiled rule set's program, with the switched-off rules and conditions
 * (`disabled`) and the overridden conditions (`override`) folded in.
 */
export function decisionPlan(program: Program, disabled: ReadonlySet<string> | undefined, override: Readonly<Record<string, boolean>> | undefined): DecisionPlan {
  const builder = new PlanBuilder(program, disabled, override);
  const roots = Int32Array.from(program.rules.map((r) => (disabled?.has(r.info.id) === true ? builder.constant(FALSE) : builder.add(r.plan))));
  const nodes = builder.nodes();
  const memo = new Uint8Array(builder.memoSlots);
  return {
    roots,
    decideInto(ctx, out) {
      memo.fill(0);
      for (let i = 0; i < roots.length; i++) out[i] = fromTri(run(nodes, roots[i] as number, ctx, memo));
    },
  };
}

/** Decides node `i`; `memo` holds each named condition's outcome + 1 once decided (0: not yet). */
function run(n: Nodes, i: number, ctx: EvalContext, memo: Uint8Array): Tri {
  switch (n.kind[i]) {
    case SHARE: {
      const shares = ctx.shares;
      if (shares !== undefined) {
        const at = n.first[i] as number;
        const denominator = shares[at + 1] as number;
        if (denominator === denominator) {
          const sign = compareShare(shares[at] as number, denominator, n.thresholds[i] as number | bigint, n.count[i] as number);
          return ((n.extra[i] as number) >> (sign + 1)) & 1 ? TRUE : FALSE;
        }
      }
      return (n.calls[i] as Decide)(ctx);
    }
    case LEAF:
      return (n.calls[i] as Decide)(ctx);
    case ALL:
    case ANY: {
      const stop: Tri = n.kind[i] === ALL ? FALSE : TRUE;
      const start = n.first[i] as number;
      const end = start + (n.count[i] as number);
      let unknown = false;
      for (let c = start; c < end; c++) {
        const r = run(n, n.children[c] as number, ctx, memo);
        if (r === stop) return stop;
        if (r === UNKNOWN) unknown = true;
      }
      return unknown ? UNKNOWN : stop === FALSE ? TRUE : FALSE;
    }
    case NOT: {
      const r = run(n, n.first[i] as number, ctx, memo);
      return r === UNKNOWN ? UNKNOWN : r === TRUE ? FALSE : TRUE;
    }
    case AT_LEAST: {
      const required = n.extra[i] as number;
      const start = n.first[i] as number;
      const end = start + (n.count[i] as number);
      let met = 0;
      let unknown = 0;
      for (let c = start; c < end; c++) {
        const r = run(n, n.children[c] as number, ctx, memo);
        if (r === TRUE && ++met >= required) return TRUE;
        if (r === UNKNOWN) unknown++;
      }
      if (met >= required) return TRUE;
      return met + unknown < required ? FALSE : UNKNOWN;
    }
    case REF: {
      const slot = n.count[i] as number;
      const known = memo[slot] as number;
      if (known !== 0) return (known - 1) as Tri;
      const t = run(n, n.first[i] as number, ctx, memo);
      memo[slot] = t + 1;
      return t;
    }
    default:
      return n.first[i] as Tri;
  }
}

/** Builds the node arrays, each named condition once. */
class PlanBuilder {
  private readonly kind: number[] = [];
  private readonly first: number[] = [];
  private readonly count: number[] = [];
  private readonly extra: number[] = [];
  private readonly children: number[] = [];
  private readonly thresholds: (number | bigint)[] = [];
  private readonly calls: (Decide | undefined)[] = [];
  /** Each named condition's root and memo slot, once flattened. */
  private readonly named = new Map<string, { root: number; slot: number }>();
  memoSlots = 0;

  constructor(
    private readonly program: Program,
    private readonly disabled: ReadonlySet<string> | undefined,
    private readonly override: Readonly<Record<string, boolean>> | undefined,
  ) {}

  /** Adds a tree; returns its root's index. */
  add(plan: PlanNode): number {
    switch (plan.kind) {
      case 'leaf': {
        const slot = plan.share?.read.slot ?? -1;
        if (plan.share === undefined || slot < 0) return this.push(LEAF, 0, 0, 0, 0, plan.decide);
        return this.push(SHARE, 2 * slot, plan.share.decimals, plan.share.signs, plan.share.threshold, plan.decide);
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
      calls: this.calls,
    };
  }

  private reference(name: string): number {
    if (this.disabled?.has(name) === true) return this.constant(FALSE);
    if (this.override !== undefined && Object.hasOwn(this.override, name)) return this.constant(this.override[name] ? TRUE : FALSE);
    let target = this.named.get(name);
    if (target === undefined) {
      const plan = this.program.namedPlans.get(name);
      if (plan === undefined) throw new Error(`decision plan: unchecked reference to condition ${name}`);
      // cycles were rejected by the loader's checks
      target = { root: this.add(plan), slot: this.memoSlots++ };
      this.named.set(name, target);
    }
    return this.push(REF, target.root, target.slot, 0, 0, undefined);
  }

  private push(kind: number, first: number, count: number, extra: number, threshold: number | bigint, call: Decide | undefined): number {
    this.kind.push(kind);
    this.first.push(first);
    this.count.push(count);
    this.extra.push(extra);
    this.thresholds.push(threshold);
    this.calls.push(call);
    return this.kind.length - 1;
  }
}
