/**
 * The named conditions and rules of a row's explanations, flattened: each with its
 * outcome and the figures directly inside it (comparison leaves and "mindst k af n"
 * counts, not those of nested named conditions, which are states of their own). Two
 * rows' states side by side say which conditions flipped and on which figures.
 */
import type { ExplanationNode, Truth } from '../engine/types.js';
import type { ConditionSide, Figure, FlippedCondition, RowExplanation } from './types.js';

/** One named condition or rule of one evaluation. */
interface ConditionState {
  readonly ruleSet: string;
  readonly label?: string;
  readonly kind: 'betingelse' | 'regel';
  readonly name: string;
  readonly titel: string;
  readonly side: ConditionSide;
}

/** Every named condition and rule of the explanations, keyed by evaluation label, rule set and name; in tree order. */
export function conditionStates(explanations: readonly RowExplanation[]): ReadonlyMap<string, ConditionState> {
  const out = new Map<string, ConditionState>();
  for (const { label, evaluation } of explanations) {
    const ruleSet = evaluation.ruleSet.id;
    const prefix = `${label ?? ''}\u0000${ruleSet}\u0000`;
    const base = { ruleSet, ...(label !== undefined ? { label } : {}) };
    for (const rule of evaluation.rules) {
      const figurer: Figure[] = [];
      const nested: ExplanationNode[] = [];
      collect(rule.explanation, figurer, nested);
      out.set(`${prefix}regel\u0000${rule.id}`, { ...base, kind: 'regel', name: rule.id, titel: rule.title, side: side(rule.outcome, rule.disabled === true, figurer) });
      walkNamed(nested, prefix, base, out);
    }
  }
  return out;
}

function walkNamed(nodes: ExplanationNode[], prefix: string, base: { ruleSet: string; label?: string }, out: Map<string, ConditionState>): void {
  while (nodes.length > 0) {
    const node = nodes.shift() as ExplanationNode;
    if (node.kind !== 'condition') continue;
    const key = `${prefix}betingelse\u0000${node.name}`;
    if (out.has(key)) continue;
    const figurer: Figure[] = [];
    const nested: ExplanationNode[] = [];
    if (node.child !== undefined) collect(node.child, figurer, nested);
    out.set(key, { ...base, kind: 'betingelse', name: node.name, titel: node.title, side: side(node.outcome, node.disabled === true, figurer) });
    nodes.unshift(...nested);
  }
}

function side(outcome: Truth, disabled: boolean, figurer: readonly Figure[]): ConditionSide {
  return Object.freeze({ outcome, ...(disabled ? { slaaetFra: true as const } : {}), figurer: Object.freeze([...figurer]) });
}

/** The figures of a subtree up to the named conditions in it, which go to `nested`. */
function collect(node: ExplanationNode, figurer: Figure[], nested: ExplanationNode[]): void {
  switch (node.kind) {
    case 'fact':
      figurer.push(node);
      return;
    case 'condition':
      nested.push(node);
      return;
    case 'not':
      collect(node.child, figurer, nested);
      return;
    case 'atLeast':
      figurer.push(
        Object.freeze({
          kind: 'atLeast' as const,
          required: node.required,
          ...(node.parameter !== undefined ? { parameter: node.parameter } : {}),
          met: node.met,
          unknown: node.unknown,
          total: node.total,
          outcome: node.outcome,
        }),
      );
      for (const c of node.children) collect(c, figurer, nested);
      return;
    case 'all':
    case 'any':
      for (const c of node.children) collect(c, figurer, nested);
  }
}

/**
 * The named conditions and rules whose outcome (or switched-off state) differs between
 * the two sides. A rule is listed only when it has figures of its own or was switched
 * off: otherwise its flip is the row's outcome change, which is listed already.
 */
export function flippedConditions(before: readonly RowExplanation[], after: readonly RowExplanation[]): readonly FlippedCondition[] {
  const a = conditionStates(before);
  const b = conditionStates(after);
  const out: FlippedCondition[] = [];
  const keys = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    const any = (x ?? y) as ConditionState;
    if (x !== undefined && y !== undefined && x.side.outcome === y.side.outcome && x.side.slaaetFra === y.side.slaaetFra) continue;
    // a condition that only one side has is a difference of the rule versions, not a flip on these figures
    if (x === undefined || y === undefined) {
      if ((x ?? y)?.side.outcome !== true) continue;
    }
    if (any.kind === 'regel' && any.side.figurer.length === 0 && x?.side.slaaetFra === y?.side.slaaetFra) continue;
    out.push(
      Object.freeze({
        ruleSet: any.ruleSet,
        ...(any.label !== undefined ? { label: any.label } : {}),
        kind: any.kind,
        name: any.name,
        titel: (y ?? x as ConditionState).titel,
        ...(x !== undefined ? { foer: x.side } : {}),
        ...(y !== undefined ? { efter: y.side } : {}),
      }),
    );
  }
  return Object.freeze(out);
}
