/**
 * The condition trees of a rule file, compiled to closures: `all`, `any`, `not`,
 * `atLeast` (three-valued, short-circuiting when deciding), references to named
 * conditions (resolved lazily, memoised when referenced more than once, honouring
 * `disable` and `override`), and the leaves.
 */
import type { FactDefinition } from '../domain/fact-types.js';
import type { Mutable } from '../domain/freeze.js';
import { own } from '../domain/own.js';
import { snapshot } from './comparators.js';
import type { RuleSetDefinition } from './definition.js';
import { type ConditionInput, isRefTo, references } from './grammar.js';
import { compileLeaf, type LeafEnvironment, type Operand } from './leaf.js';
import type { OperatorDefinition } from './operators.js';
import { parsePointer, resolvePointer } from './pointer.js';
import { type CompiledNode, type Decide, type Explain, type ExplainLeaf, FALSE, fromTri, type LeafScope, negate, type PlanNode, type Read, type Tri, toTri, TRUE, UNKNOWN } from './program.js';
import type { AtLeastExplanation, ConditionExplanation, ExplanationNode, Parameter, Source, Truth } from './types.js';
import { toSource } from './source.js';

/** Compiles a rule file's condition trees, sharing named conditions and reads. */
export class Compiler implements LeafEnvironment {
  private readonly named = new Map<string, CompiledNode>();
  /** The plan of each named condition, recorded as it is compiled. */
  readonly namedPlans = new Map<string, PlanNode>();
  /** Memo slots of the named conditions referenced more than once in the file. */
  private readonly memoSlots: ReadonlyMap<string, number>;
  /** The leaf scope of each named condition, recorded as it is compiled. */
  readonly namedScopes = new Map<string, LeafScope>();
  /** The scope the tree being compiled records its parameter leaves and references into. */
  private scope: { leaves: { parameter: string; explain: ExplainLeaf }[]; refs: string[] } | undefined;

  constructor(
    private readonly file: RuleSetDefinition,
    readonly catalogue: ReadonlyMap<string, FactDefinition>,
    private readonly parameters: Readonly<Record<string, Parameter>>,
    private readonly reads: Map<string, Read>,
  ) {
    const counts = new Map<string, number>();
    const all = [...Object.values(file.conditions ?? {}).map((c) => c.condition), ...file.rules.map((r) => r.conditions)];
    for (const tree of all) for (const name of references(tree)) counts.set(name, (counts.get(name) ?? 0) + 1);
    this.memoSlots = new Map([...counts].filter(([, n]) => n > 1).map(([name], i) => [name, i]));
  }

  node(node: ConditionInput, source: Source | undefined): CompiledNode {
    if ('all' in node) return this.junction('all', node.all, source);
    if ('any' in node) return this.junction('any', node.any, source);
    if ('not' in node) {
      const child = this.node(node.not, source);
      return {
        decide: (ctx) => negate(child.decide(ctx)),
        explain: (ctx) => {
          const c = child.explain(ctx);
          return Object.freeze({ kind: 'not', outcome: fromTri(negate(toTri(c.outcome))), child: c });
        },
        plan: { kind: 'not', child: child.plan },
      };
    }
    if ('atLeast' in node) return this.atLeast(node.atLeast, node.of, source);
    if ('condition' in node) {
      this.scope?.refs.push(node.condition);
      return this.reference(node.condition);
    }
    const leaf = compileLeaf(node, source, this);
    if (this.scope !== undefined && isRefTo(node.value, 'parameter')) this.scope.leaves.push({ parameter: node.value.parameter, explain: leaf.explain });
    return leaf;
  }

  /** Compiles one rule's condition tree, and the {@link LeafScope} it records. */
  rule(node: ConditionInput, source: Source | undefined): CompiledNode & { scope: LeafScope } {
    const { compiled, scope } = this.scoped(() => this.node(node, source));
    return { ...compiled, scope };
  }

  private scoped<T>(compile: () => T): { compiled: T; scope: LeafScope } {
    const outer = this.scope;
    const scope = { leaves: [], refs: [] };
    this.scope = scope;
    try {
      return { compiled: compile(), scope };
    } finally {
      this.scope = outer;
    }
  }

  private junction(kind: 'all' | 'any', nodes: readonly ConditionInput[], source: Source | undefined): CompiledNode {
    const children = nodes.map((n) => this.node(n, source));
    const decides = children.map((c) => c.decide);
    const stop: Tri = kind === 'all' ? FALSE : TRUE;
    const done: Tri = kind === 'all' ? TRUE : FALSE;
    const decide: Decide = (ctx) => {
      let unknown = false;
      for (let i = 0; i < decides.length; i++) {
        const r = (decides[i] as Decide)(ctx);
        if (r === stop) return stop;
        if (r === UNKNOWN) unknown = true;
      }
      return unknown ? UNKNOWN : done;
    };
    const explains = children.map((c) => c.explain);
    const explain: Explain = (ctx) => {
      const explained: ExplanationNode[] = new Array(explains.length);
      let outcome: Tri = done;
      for (let i = 0; i < explains.length; i++) {
        const e = (explains[i] as Explain)(ctx);
        explained[i] = e;
        if (e.outcome === null) {
          if (outcome !== stop) outcome = UNKNOWN;
        } else if ((e.outcome ? TRUE : FALSE) === stop) outcome = stop;
      }
      return Object.freeze({ kind, outcome: fromTri(outcome), children: Object.freeze(explained) });
    };
    return { decide, explain, plan: { kind, children: children.map((c) => c.plan) } };
  }

  private atLeast(k: number | { parameter: string }, nodes: readonly ConditionInput[], source: Source | undefined): CompiledNode {
    const required = typeof k === 'number' ? k : (own(this.parameters, k.parameter)?.value as number);
    const parameter = typeof k === 'number' ? undefined : k.parameter;
    const children = nodes.map((n) => this.node(n, source));
    const decides = children.map((c) => c.decide);
    const decide: Decide = (ctx) => {
      let met = 0;
      let unknown = 0;
      for (let i = 0; i < decides.length; i++) {
        const r = (decides[i] as Decide)(ctx);
        if (r === TRUE && ++met >= required) return TRUE;
        if (r === UNKNOWN) unknown++;
      }
      return atLeastOutcome(met, unknown, required);
    };
    const explains = children.map((c) => c.explain);
    const explain: Explain = (ctx) => {
      const explained: ExplanationNode[] = new Array(explains.length);
      let met = 0;
      let unknown = 0;
      for (let i = 0; i < explains.length; i++) {
        const e = (explains[i] as Explain)(ctx);
        if (e.outcome === true) met++;
        else if (e.outcome === null) unknown++;
        explained[i] = e;
      }
      const outcome = atLeastOutcome(met, unknown, required);
      const node: Mutable<AtLeastExplanation> = { kind: 'atLeast', outcome: fromTri(outcome), required, met, unknown, total: explained.length, children: Object.freeze(explained) };
      if (parameter !== undefined) node.parameter = parameter;
      return Object.freeze(node);
    };
    return { decide, explain, plan: { kind: 'atLeast', required, children: children.map((c) => c.plan) } };
  }

  private reference(name: string): CompiledNode {
    // resolved lazily: named conditions may be declared in any order (cycles are rejected by the checks)
    const target = () => this.namedCondition(name);
    let decideTarget: Decide | undefined;
    let explainTarget: Explain | undefined;
    const def = own(this.file.conditions, name);
    const title = def?.title ?? name;
    const description = def?.description;
    const refSource = def?.source ? toSource(def.source) : undefined;
    const node = (outcome: Truth, child: ExplanationNode | undefined, flag: 'disabled' | 'overridden'): ConditionExplanation => {
      const n: Mutable<ConditionExplanation> = { kind: 'condition', outcome, name, title };
      if (description !== undefined) n.description = description;
      if (refSource !== undefined) n.source = refSource;
      n[flag] = true;
      if (child !== undefined) n.child = child;
      return Object.freeze(n);
    };
    // the common case (neither disabled nor overridden) as one literal of a fixed shape per
    // reference: adding optional properties one by one made the shared stores megamorphic
    type Plain = (outcome: Truth, child: ExplanationNode) => ConditionExplanation;
    let plain: Plain;
    if (description !== undefined && refSource !== undefined) plain = (outcome, child) => Object.freeze({ kind: 'condition', outcome, name, title, description, source: refSource, child });
    else if (description !== undefined) plain = (outcome, child) => Object.freeze({ kind: 'condition', outcome, name, title, description, child });
    else if (refSource !== undefined) plain = (outcome, child) => Object.freeze({ kind: 'condition', outcome, name, title, source: refSource, child });
    else plain = (outcome, child) => Object.freeze({ kind: 'condition', outcome, name, title, child });
    const slot = this.memoSlots.get(name);
    const decide: Decide = (ctx) => {
      if (ctx.disabled !== undefined && ctx.disabled.has(name)) return FALSE;
      if (ctx.override !== undefined && Object.hasOwn(ctx.override, name)) return ctx.override[name] ? TRUE : FALSE;
      decideTarget ??= target().decide;
      if (slot === undefined) return decideTarget(ctx);
      const memo = (ctx.memo ??= []);
      const cached = memo[slot];
      if (cached !== undefined) return cached as Tri;
      const t = decideTarget(ctx);
      memo[slot] = t;
      return t;
    };
    const explain: Explain = (ctx) => {
      if (ctx.disabled !== undefined && ctx.disabled.has(name)) return node(false, undefined, 'disabled');
      explainTarget ??= target().explain;
      let child: ExplanationNode;
      if (slot === undefined) child = explainTarget(ctx);
      else {
        // the same facts give the same frozen subtree: share it between references
        const memo = (ctx.memo ??= []);
        const cached = memo[slot];
        if (cached !== undefined) child = cached as ExplanationNode;
        else {
          child = explainTarget(ctx);
          memo[slot] = child;
        }
      }
      if (ctx.override !== undefined && Object.hasOwn(ctx.override, name)) return node(ctx.override[name] === true, child, 'overridden');
      return plain(child.outcome, child);
    };
    return { decide, explain, plan: { kind: 'ref', name } };
  }

  namedCondition(name: string): CompiledNode {
    let compiled = this.named.get(name);
    if (compiled === undefined) {
      const def = own(this.file.conditions, name);
      if (def === undefined) throw new Error(`unchecked reference to condition ${name}`);
      const fileSource = Array.isArray(this.file.source) ? this.file.source[0] : this.file.source;
      const done = this.scoped(() => this.node(def.condition, toSource(def.source ?? fileSource)));
      compiled = done.compiled;
      this.named.set(name, compiled);
      this.namedScopes.set(name, done.scope);
      this.namedPlans.set(name, compiled.plan);
    }
    return compiled;
  }

  read(fact: string, path: string | undefined): Read {
    const label = fact + (path ?? '');
    let read = this.reads.get(label);
    if (read === undefined) {
      if (path === undefined) read = { label, get: (facts) => (Object.hasOwn(facts, fact) ? facts[fact] : undefined), slot: -1 };
      else {
        const tokens = parsePointer(path);
        read = { label, get: (facts) => resolvePointer(Object.hasOwn(facts, fact) ? facts[fact] : undefined, tokens), slot: -1 };
      }
      this.reads.set(label, read);
    }
    return read;
  }

  operand(value: unknown, op: OperatorDefinition): Operand {
    if (isRefTo(value, 'parameter')) {
      const p = own(this.parameters, value.parameter);
      const v = p?.value;
      return { get: () => v, constant: v, info: Object.freeze({ ...(v !== undefined ? { value: snapshot(v) } : {}), parameter: value.parameter, ...(p ? { unit: p.unit } : {}) }) };
    }
    if (isRefTo(value, 'fact')) {
      const read = this.read(value.fact, value.path);
      const def = this.catalogue.get(value.fact);
      return { get: read.get, constant: undefined, info: Object.freeze({ fact: read.label, ...(def ? { unit: def.unit } : {}) }), read };
    }
    void op;
    return { get: () => value, constant: value, info: Object.freeze({ value: snapshot(value) }) };
  }
}

/** "At least `required`" of children of which `met` are true and `unknown` unknown: true, false, or unknown while the unknown ones could still decide it. */
function atLeastOutcome(met: number, unknown: number, required: number): Tri {
  if (met >= required) return TRUE;
  return met + unknown < required ? FALSE : UNKNOWN;
}
