/**
 * Compiles a validated rule file into plain synchronous closures: one that decides
 * (three-valued, short-circuiting, no allocation per node) and one that explains
 * (every node evaluated and recorded). No eval, no Function constructor, no JSONPath:
 * `path` is a JSON pointer resolved token by token.
 */
import { isDecimalLike as isNumeric } from '../domain/decimal.js';
import { Ratio, scaledThreshold } from '../domain/ratio.js';
import { own } from '../domain/own.js';
import { deepFreeze, type Mutable } from '../domain/freeze.js';
import type { FactDefinition, FactType, FactValue, Facts } from '../domain/fact-types.js';
import { BoligsocialError } from '../errors.js';
import type { RuleSetDefinition, SourceDefinition } from './definition.js';
import { type ConditionInput, isRefTo, type LeafInput, references } from './grammar.js';
import { parsePointer, resolvePointer } from './pointer.js';
import { compareDecimal, compareDecimals, DECIMAL_TESTS, decimalDifference, prepareDecimal, type PreparedDecimal, preparedDifference } from './decimal-compare.js';
import { OPERATORS, type OperatorDefinition } from './operators.js';
import type { AtLeastExplanation, CompiledRuleSet, ConditionExplanation, ExplanationNode, FactExplanation, NamedConditionInfo, Parameter, RuleInfo, Source, Threshold, Truth } from './types.js';

/** Three-valued truth inside the engine: 0 false, 1 true, 2 unknown. */
export type Tri = 0 | 1 | 2;
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;

/** Per-evaluation state. */
export interface EvalContext {
  readonly facts: Facts;
  readonly disabled: ReadonlySet<string> | undefined;
  readonly override: Readonly<Record<string, boolean>> | undefined;
  /** Missing reads, collected by the explaining path; created on the first one. */
  missing: Set<string> | undefined;
  /**
   * Named conditions referenced more than once, evaluated once per evaluation: their
   * outcome (decide) or their frozen explanation (explain), by memo slot. Created on
   * first use.
   */
  memo: (Tri | ExplanationNode | undefined)[] | undefined;
}

type Decide = (ctx: EvalContext) => Tri;
type Explain = (ctx: EvalContext) => ExplanationNode;

/** A compiled rule: its closures. */
export interface RuleProgram {
  readonly info: RuleInfo;
  readonly decide: Decide;
  readonly explain: Explain;
}

/** Everything the evaluator needs that the public object does not show. */
export interface Program {
  readonly rules: readonly RuleProgram[];
  readonly ruleIndex: ReadonlyMap<string, RuleProgram>;
  /** Every (fact, pointer) the conditions read, for the missing-facts list. */
  readonly reads: readonly Read[];
  readonly conditionNames: ReadonlySet<string>;
}

interface Read {
  readonly label: string;
  readonly get: (facts: Facts) => unknown;
}

const programs = new WeakMap<CompiledRuleSet, Program>();

/** The compiled closures of a rule set that this package compiled. */
export function programOf(ruleSet: CompiledRuleSet): Program {
  const p = programs.get(ruleSet);
  if (p === undefined) throw new BoligsocialError('unknown-rule-set', 'not a compiled rule set: load rule files with loadRuleSetText, loadRuleSetFile or loadRegistry');
  return p;
}

/** The validated source definition of a compiled rule set (for exporting to json-rules-engine). */
export function definitionOf(ruleSet: CompiledRuleSet): RuleSetDefinition {
  const d = definitions.get(ruleSet);
  if (d === undefined) throw new BoligsocialError('unknown-rule-set', 'not a compiled rule set');
  return d;
}
const definitions = new WeakMap<CompiledRuleSet, RuleSetDefinition>();
const catalogues = new WeakMap<CompiledRuleSet, ReadonlyMap<string, FactDefinition>>();

/** The fact catalogue a rule set was compiled against (its domain's, as the loader was told it). */
export function factCatalogueOf(ruleSet: CompiledRuleSet): ReadonlyMap<string, FactDefinition> | undefined {
  return catalogues.get(ruleSet);
}

/** What the engine is told about a rule set besides its definition: the facts its domain declares, and where it came from. */
export interface CompileContext {
  /** The fact catalogue of the rule set's domain, by fact name. */
  readonly facts: ReadonlyMap<string, FactDefinition>;
  /** The file it was loaded from, as results show it. */
  readonly file?: string | undefined;
  /** The sha256 (hex) of the file's exact bytes. */
  readonly contentHash: string;
}

/** Compiles a rule set that has passed every check of the loader. */
export function compileRuleSet(file: RuleSetDefinition, context: CompileContext): CompiledRuleSet {
  const catalogue = context.facts;
  const fileName = context.file;
  const fileSources = (Array.isArray(file.source) ? file.source : [file.source]).map(toSource);
  const parameters: Record<string, Parameter> = {};
  for (const [name, p] of Object.entries(file.parameters ?? {})) {
    parameters[name] = deepFreeze({
      name,
      value: p.value,
      unit: p.unit,
      description: p.description,
      ...(p.source ? { source: toSource(p.source) } : {}),
      ...(p.status ? { status: p.status } : {}),
    });
  }
  const reads = new Map<string, Read>();
  const compiler = new Compiler(file, catalogue, parameters, reads);

  const conditions: Record<string, NamedConditionInfo> = {};
  for (const [name, named] of Object.entries(file.conditions ?? {})) {
    conditions[name] = deepFreeze({
      name,
      title: named.title,
      ...(named.description !== undefined ? { description: named.description } : {}),
      ...(named.source ? { source: toSource(named.source) } : {}),
    });
  }

  // compile every named condition up front, so their reads are known even where a
  // decision short-circuits past them (cycles were rejected by the checks)
  for (const name of Object.keys(conditions)) compiler.namedCondition(name);

  const rules: RuleProgram[] = file.rules.map((rule) => {
    const info: RuleInfo = deepFreeze({
      id: rule.id,
      title: rule.title,
      ...(rule.description !== undefined ? { description: rule.description } : {}),
      ...(rule.source ? { source: toSource(rule.source) } : {}),
      event: { type: rule.event.type, ...(rule.event.params ? { params: structuredClone(rule.event.params) } : {}) },
    });
    const source = info.source ?? fileSources[0];
    const { decide, explain } = compiler.node(rule.conditions, source);
    return { info, decide, explain };
  });

  const ruleSet: CompiledRuleSet = deepFreeze({
    info: {
      id: file.id,
      version: file.effective.from,
      domain: file.domain,
      title: file.title,
      effective: { from: file.effective.from, ...(file.effective.to !== undefined ? { to: file.effective.to } : {}) },
      ...(fileName !== undefined ? { file: fileName } : {}),
      contentHash: context.contentHash,
    },
    ...(file.description !== undefined ? { description: file.description } : {}),
    sources: fileSources,
    notes: [...(file.notes ?? [])],
    parameters,
    conditions,
    rules: rules.map((r) => r.info),
    facts: [...new Set([...reads.values()].map((r) => r.label.split('/')[0] ?? r.label))].sort(),
    ...(file.financing
      ? {
          financing: {
            indsatsKinds: [...file.financing.indsatsKinds],
            maxDurationMonths: file.financing.maxDurationMonths,
            funders: file.financing.funders.map((f) => ({
              id: f.id,
              navn: f.navn,
              share: f.share,
              lokal: f.lokal,
              afdelinger: f.afdelinger ?? false,
              ...(f.description !== undefined ? { description: f.description } : {}),
              ...(f.source ? { source: toSource(f.source) } : {}),
            })),
          },
        }
      : {}),
  });
  programs.set(ruleSet, {
    rules,
    ruleIndex: new Map(rules.map((r) => [r.info.id, r])),
    reads: [...reads.values()],
    conditionNames: new Set(Object.keys(conditions)),
  });
  definitions.set(ruleSet, deepFreeze(structuredClone(file)));
  catalogues.set(ruleSet, catalogue);
  return ruleSet;
}

class Compiler {
  private readonly named = new Map<string, { decide: Decide; explain: Explain }>();
  /** Memo slots of the named conditions referenced more than once in the file. */
  private readonly memoSlots: ReadonlyMap<string, number>;

  constructor(
    private readonly file: RuleSetDefinition,
    private readonly catalogue: ReadonlyMap<string, FactDefinition>,
    private readonly parameters: Readonly<Record<string, Parameter>>,
    private readonly reads: Map<string, Read>,
  ) {
    const counts = new Map<string, number>();
    const all = [...Object.values(file.conditions ?? {}).map((c) => c.condition), ...file.rules.map((r) => r.conditions)];
    for (const tree of all) for (const name of references(tree)) counts.set(name, (counts.get(name) ?? 0) + 1);
    this.memoSlots = new Map([...counts].filter(([, n]) => n > 1).map(([name], i) => [name, i]));
  }

  node(node: ConditionInput, source: Source | undefined): { decide: Decide; explain: Explain } {
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
      };
    }
    if ('atLeast' in node) return this.atLeast(node.atLeast, node.of, source);
    if ('condition' in node) return this.reference(node.condition);
    return this.leaf(node, source);
  }

  private junction(kind: 'all' | 'any', nodes: readonly ConditionInput[], source: Source | undefined): { decide: Decide; explain: Explain } {
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
    return { decide, explain };
  }

  private atLeast(k: number | { parameter: string }, nodes: readonly ConditionInput[], source: Source | undefined): { decide: Decide; explain: Explain } {
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
      return met >= required ? TRUE : met + unknown < required ? FALSE : UNKNOWN;
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
      const outcome: Tri = met >= required ? TRUE : met + unknown < required ? FALSE : UNKNOWN;
      const node: Mutable<AtLeastExplanation> = { kind: 'atLeast', outcome: fromTri(outcome), required, met, unknown, total: explained.length, children: Object.freeze(explained) };
      if (parameter !== undefined) node.parameter = parameter;
      return Object.freeze(node);
    };
    return { decide, explain };
  }

  private reference(name: string): { decide: Decide; explain: Explain } {
    // resolved lazily: named conditions may be declared in any order (cycles are rejected by the checks)
    const target = () => this.namedCondition(name);
    let decideTarget: Decide | undefined;
    let explainTarget: Explain | undefined;
    const def = own(this.file.conditions, name);
    const title = def?.title ?? name;
    const description = def?.description;
    const refSource = def?.source ? toSource(def.source) : undefined;
    const node = (outcome: Truth, child: ExplanationNode | undefined, flag: 'disabled' | 'overridden' | undefined): ConditionExplanation => {
      const n: Mutable<ConditionExplanation> = { kind: 'condition', outcome, name, title };
      if (description !== undefined) n.description = description;
      if (refSource !== undefined) n.source = refSource;
      if (flag !== undefined) n[flag] = true;
      if (child !== undefined) n.child = child;
      return Object.freeze(n);
    };
    // the common case (neither disabled nor overridden) as one literal of a fixed shape per
    // reference: adding optional properties one by one made the shared stores megamorphic
    const plain: (outcome: Truth, child: ExplanationNode) => ConditionExplanation =
      description !== undefined && refSource !== undefined
        ? (outcome, child) => Object.freeze({ kind: 'condition', outcome, name, title, description, source: refSource, child })
        : description !== undefined
          ? (outcome, child) => Object.freeze({ kind: 'condition', outcome, name, title, description, child })
          : refSource !== undefined
            ? (outcome, child) => Object.freeze({ kind: 'condition', outcome, name, title, source: refSource, child })
            : (outcome, child) => Object.freeze({ kind: 'condition', outcome, name, title, child });
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
    return { decide, explain };
  }

  namedCondition(name: string): { decide: Decide; explain: Explain } {
    let compiled = this.named.get(name);
    if (compiled === undefined) {
      const def = own(this.file.conditions, name);
      if (def === undefined) throw new Error(`unchecked reference to condition ${name}`);
      const fileSource = Array.isArray(this.file.source) ? this.file.source[0] : this.file.source;
      compiled = this.node(def.condition, toSource(def.source ?? fileSource));
      this.named.set(name, compiled);
    }
    return compiled;
  }

  private leaf(leaf: LeafInput, source: Source | undefined): { decide: Decide; explain: Explain } {
    const def = this.catalogue.get(leaf.fact);
    const op = OPERATORS.get(leaf.operator);
    if (def === undefined || op === undefined) throw new Error(`unchecked leaf ${leaf.fact} ${leaf.operator}`);
    const read = this.read(leaf.fact, leaf.path);
    const valueType: FactType | undefined = leaf.path === undefined ? def.type : undefined;
    const check = typeCheck(leaf.fact + (leaf.path ?? ''), valueType, op);
    const operand = this.operand(leaf.value, op);
    const compare = comparator(op, operand.constant);
    const thresholdInfo: Threshold = operand.info;
    const leafSource = source;
    // a present fact value has passed `check`; a constant threshold was checked at load
    const factNumeric = valueType === 'number' || valueType === 'decimal';
    const thresholdNumeric = operand.read === undefined && isNumeric(operand.constant);

    const decide: Decide = (ctx) => {
      let a = read.get(ctx.facts);
      if (a === undefined || a === null) return UNKNOWN;
      if (a instanceof Ratio) {
        // an exact share against a constant threshold: integer cross-multiplication
        if (ratioThreshold !== undefined && stringsAllowed) return (signTest as SignTest)(a.compareScaled(ratioThreshold.value, ratioThreshold.decimals)) ? TRUE : FALSE;
        a = a.toDecimalString();
      }
      check(a);
      const b = figureOf(operand.get(ctx.facts));
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
    const measured: (outcome: Truth, factValue: string | number, margin: string) => FactExplanation =
      path === undefined
        ? leafSource === undefined
          ? (outcome, factValue, margin) => Object.freeze({ kind: 'fact', outcome, fact, factType, description, unit, operator, threshold, factValue, margin })
          : (outcome, factValue, margin) => Object.freeze({ kind: 'fact', outcome, fact, factType, description, unit, operator, threshold, factValue, margin, source: leafSource })
        : leafSource === undefined
          ? (outcome, factValue, margin) => Object.freeze({ kind: 'fact', outcome, fact, factType, description, unit, operator, threshold, path, factValue, margin })
          : (outcome, factValue, margin) => Object.freeze({ kind: 'fact', outcome, fact, factType, description, unit, operator, threshold, path, factValue, margin, source: leafSource });

    // an ordered comparison with a constant numeric threshold: one exact integer
    // subtraction gives both the outcome (its sign) and the margin
    const signTest = SIGN_TESTS[op.name];
    const prepared = op.ordered && signTest !== undefined && thresholdNumeric ? prepareDecimal(operand.constant as string | number) : undefined;
    const stringsAllowed = valueType === 'decimal' || (valueType === undefined && op.operand === 'decimal');
    // an exact share is compared with the threshold's every digit, however many
    const ratioThreshold = prepared !== undefined ? scaledThreshold(prepared.exact.toFixed()) : undefined;

    const explain: Explain = (ctx) => {
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
          const sign = exactSign ?? (margin.charCodeAt(0) === 45 /* - */ ? -1 : margin === '0' ? 0 : 1);
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
    return { decide, explain };
  }

  private read(fact: string, path: string | undefined): Read {
    const label = fact + (path ?? '');
    let read = this.reads.get(label);
    if (read === undefined) {
      if (path === undefined) read = { label, get: (facts) => (Object.hasOwn(facts, fact) ? facts[fact] : undefined) };
      else {
        const tokens = parsePointer(path);
        read = { label, get: (facts) => resolvePointer(Object.hasOwn(facts, fact) ? facts[fact] : undefined, tokens) };
      }
      this.reads.set(label, read);
    }
    return read;
  }

  private operand(value: unknown, op: OperatorDefinition): { get: (facts: Facts) => unknown; constant: unknown; info: Threshold; read?: Read } {
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

type SignTest = (sign: number) => boolean;

/** What each ordered operator asks of the sign of fact − threshold. */
const SIGN_TESTS: Readonly<Record<string, SignTest>> = {
  ...DECIMAL_TESTS,
  lessThan: (c) => c < 0,
  lessThanInclusive: (c) => c <= 0,
  greaterThan: (c) => c > 0,
  greaterThanInclusive: (c) => c >= 0,
};

/** The comparison function of an operator; `constant` is the threshold when it is known at compile time. */
function comparator(op: OperatorDefinition, constant: unknown): (a: unknown, b: unknown) => boolean {
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
function typeCheck(label: string, type: FactType | undefined, op: OperatorDefinition): (v: unknown) => void {
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

/** A value as rules compare it when no exact path applies: a share as its decimal string. */
function figureOf(v: unknown): unknown {
  return v instanceof Ratio ? v.toDecimalString() : v;
}

/** A frozen copy of a value for the explanation, so results never alias (or freeze) the caller's input. */
function snapshot(v: unknown): FactValue {
  if (typeof v !== 'object' || v === null) return v as FactValue;
  // lists of strings (the common case) need only a frozen shallow copy, and a frozen one not even that
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return (Object.isFrozen(v) ? v : Object.freeze(v.slice())) as FactValue;
  return deepFreeze(structuredClone(v)) as FactValue;
}

function negate(t: Tri): Tri {
  return t === UNKNOWN ? UNKNOWN : t === TRUE ? FALSE : TRUE;
}

/** Converts engine truth to the public {@link Truth}. */
export function fromTri(t: Tri): Truth {
  return t === UNKNOWN ? null : t === TRUE;
}

/** Converts the public {@link Truth} to engine truth. */
export function toTri(t: Truth): Tri {
  return t === null ? UNKNOWN : t ? TRUE : FALSE;
}

/** A source as written in a rule file, as the frozen {@link Source} results carry (absent: "ukendt kilde"). */
export function toSource(s: SourceDefinition | undefined): Source {
  if (s === undefined) return Object.freeze({ reference: 'ukendt kilde' });
  return Object.freeze({ reference: s.reference, ...(s.url !== undefined ? { url: s.url } : {}), ...(s.note !== undefined ? { note: s.note } : {}) });
}
