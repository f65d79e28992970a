/**
 * Export of a compiled rule set to a json-rules-engine `Engine` that decides the same
 * whenever no fact is missing. The only module that imports json-rules-engine.
 *
 * - parameters become constant facts (`parameter:<name>`), referenced as `{ fact }`;
 * - the decimal operators are registered as custom operators with the same exact comparison;
 * - `atLeast: k, of: [c1…cn]` becomes `any` over every k-combination of `all`;
 * - `path` is a JSON pointer, resolved by a `pathResolver` instead of JSONPath;
 * - a disabled condition or rule is replaced by a condition that never holds.
 */
import { Engine, type NestedCondition, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { isDecimalLike as isNumeric } from '../domain/decimal.js';
import { type ConditionInput, isRefTo } from './grammar.js';
import { parsePointer, resolvePointer } from './pointer.js';
import { definitionOf } from './compile.js';
import { compareDecimals, DECIMAL_TESTS } from './decimal-compare.js';
import { OPERATORS } from './operators.js';
import type { CompiledRuleSet } from './types.js';

/** Options of the export. */
export interface ExportOptions {
  /** Condition names or rule ids to switch off, as in {@link EvaluateOptions.disable}. */
  readonly disable?: readonly string[];
}

const NEVER_FACT = 'konstant:falsk';
const NEVER: NestedCondition = { fact: NEVER_FACT, operator: 'equal', value: true };

/**
 * A json-rules-engine `Engine` deciding as this rule set does (for complete facts).
 * Each rule's `name` is its id, its `event` the rule file's event.
 *
 * @example
 * const engine = toJsonRulesEngine(ruleSet);
 * const { events } = await engine.run({ beboere: 1200, udenArbejdePct: '41.5', … });
 */
export function toJsonRulesEngine(ruleSet: CompiledRuleSet, options: ExportOptions = {}): Engine {
  const file = definitionOf(ruleSet);
  const disabled = new Set(options.disable ?? []);
  const engine = new Engine([], {
    allowUndefinedConditions: false,
    pathResolver: (value: object, path: string) => resolvePointer(value, parsePointer(path)),
  });
  for (const op of OPERATORS.values()) {
    const test = DECIMAL_TESTS[op.name];
    if (!op.builtIn && test !== undefined) {
      engine.addOperator<string | number, string | number>(op.name, (a, b) => isNumeric(a) && isNumeric(b) && test(compareDecimals(a, b)));
    }
  }
  engine.addFact(NEVER_FACT, false);
  for (const [name, p] of Object.entries(file.parameters ?? {})) engine.addFact(`parameter:${name}`, p.value);
  for (const [name, named] of Object.entries(file.conditions ?? {})) {
    engine.setCondition(name, disabled.has(name) ? { all: [NEVER] } : topLevel(convert(named.condition, file.parameters ?? {})));
  }
  for (const rule of file.rules) {
    const props: RuleProperties = {
      name: rule.id,
      conditions: disabled.has(rule.id) ? { all: [NEVER] } : topLevel(convert(rule.conditions, file.parameters ?? {})),
      event: { type: rule.event.type, ...(rule.event.params ? { params: structuredClone(rule.event.params) } : {}) },
      ...(rule.priority !== undefined ? { priority: rule.priority } : {}),
    };
    engine.addRule(props);
  }
  return engine;
}

function convert(node: ConditionInput, parameters: Readonly<Record<string, { value: unknown }>>): NestedCondition {
  if ('all' in node) return { all: node.all.map((c) => convert(c, parameters)), ...(node.priority ? { priority: node.priority } : {}) };
  if ('any' in node) return { any: node.any.map((c) => convert(c, parameters)), ...(node.priority ? { priority: node.priority } : {}) };
  if ('not' in node) return { not: convert(node.not, parameters), ...(node.priority ? { priority: node.priority } : {}) };
  if ('atLeast' in node) {
    const k = typeof node.atLeast === 'number' ? node.atLeast : (parameters[node.atLeast.parameter]?.value as number);
    const children = node.of.map((c) => convert(c, parameters));
    return { any: combinations(children, k).map((combo) => ({ all: combo })) };
  }
  if ('condition' in node) return { condition: node.condition, ...(node.priority ? { priority: node.priority } : {}) };
  const value = isRefTo(node.value, 'parameter') ? { fact: `parameter:${node.value.parameter}` } : node.value;
  return {
    fact: node.fact,
    operator: node.operator,
    value: value as NestedCondition extends { value: infer V } ? V : never,
    ...(node.path !== undefined ? { path: node.path } : {}),
    ...(node.params !== undefined ? { params: node.params } : {}),
    ...(node.priority !== undefined ? { priority: node.priority } : {}),
  } as NestedCondition;
}

/** json-rules-engine requires all/any/not/condition at the top of a rule. */
function topLevel(c: NestedCondition): TopLevelCondition {
  return 'all' in c || 'any' in c || 'not' in c || 'condition' in c ? (c as TopLevelCondition) : { all: [c] };
}

function combinations<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  const pick = (start: number, acc: T[]) => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i <= items.length - (k - acc.length); i++) pick(i + 1, [...acc, items[i] as T]);
  };
  pick(0, []);
  return out;
}
