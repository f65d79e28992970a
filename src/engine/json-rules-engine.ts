/**
 * Export of a compiled rule set to a json-rules-engine `Engine` that decides the same
 * whenever no fact is missing. The only module that imports json-rules-engine.
 *
 * - parameters become constant facts (`parameter:<name>`), referenced as `{ fact }`;
 * - the decimal operators are registered as custom operators with the same exact comparison;
 * - `atLeast: k, of: [c1…cn]` becomes one comparison `antal-opfyldte ≥ k` of a computed
 *   fact: the number of children that hold, each child decided by json-rules-engine as a
 *   rule of its own (not added to the engine, so results and events show only the rule
 *   file's rules). The export is linear in the rule file — never every k-combination,
 *   which for "mindst 12 af 25" is 5 million — and so is each run;
 * - `path` is a JSON pointer, resolved by a `pathResolver` instead of JSONPath;
 * - a disabled condition or rule is replaced by a condition that never holds.
 */
import { type Almanac, Engine, type NestedCondition, Rule, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { own } from '../domain/own.js';
import { isDecimalLike as isNumeric } from '../domain/decimal.js';
import { type ConditionInput, isRefTo, type LeafInput } from './grammar.js';
import { type JsonPath, parsePointer, resolvePointer, toPointer } from './pointer.js';
import { definitionOf } from './program.js';
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
/** The computed fact of an `atLeast`: how many of its children hold; `params.knude` is the node's JSON pointer in the rule file. */
const COUNT_FACT = 'antal-opfyldte';

/**
 * What the export uses of a json-rules-engine `Rule` beyond its typings: `setEngine`,
 * which `Engine#addRule` calls on every rule, and `evaluate(almanac)`, which `Engine#run`
 * calls on every rule (json-rules-engine 7, dist/engine.js and dist/rule.js). Evaluating a child as a rule
 * of its own lets json-rules-engine decide it, with its operators, facts and named
 * conditions, inside the same run.
 */
interface EvaluableRule {
  setEngine(engine: Engine): unknown;
  evaluate(almanac: Almanac): Promise<{ readonly result: boolean }>;
}

function evaluable(rule: Rule, engine: Engine): EvaluableRule {
  const r = rule as unknown as Partial<EvaluableRule>;
  if (typeof r.setEngine !== 'function' || typeof r.evaluate !== 'function') {
    throw new Error('toJsonRulesEngine: this json-rules-engine version has no Rule#setEngine/Rule#evaluate; "atLeast" cannot be exported');
  }
  r.setEngine(engine);
  return r as EvaluableRule;
}

/**
 * The export as plain JSON: the rules and named conditions json-rules-engine gets, and
 * the children of each `atLeast` (by the node's JSON pointer) that the computed fact
 * `antal-opfyldte` counts. Its size is linear in the rule file.
 */
export interface JsonRulesEngineDefinition {
  readonly rules: readonly RuleProperties[];
  readonly conditions: readonly (readonly [string, TopLevelCondition])[];
  readonly atLeast: readonly (readonly [string, readonly TopLevelCondition[]])[];
}

/** The definition {@link toJsonRulesEngine} builds its `Engine` from. */
export function jsonRulesEngineDefinition(ruleSet: CompiledRuleSet, options: ExportOptions = {}): JsonRulesEngineDefinition {
  const file = definitionOf(ruleSet);
  const disabled = new Set(options.disable ?? []);
  const atLeast: [string, TopLevelCondition[]][] = [];
  const converter = new Converter(file.parameters ?? {}, (id, children) => atLeast.push([id, children.map(topLevel)]));
  const conditions: [string, TopLevelCondition][] = [];
  for (const [name, named] of Object.entries(file.conditions ?? {})) {
    conditions.push([name, disabled.has(name) ? { all: [NEVER] } : topLevel(converter.convert(named.condition, ['conditions', name, 'condition']))]);
  }
  const rules = file.rules.map(
    (rule, i): RuleProperties => ({
      name: rule.id,
      conditions: disabled.has(rule.id) ? { all: [NEVER] } : topLevel(converter.convert(rule.conditions, ['rules', i, 'conditions'])),
      event: { type: rule.event.type, ...(rule.event.params ? { params: structuredClone(rule.event.params) } : {}) },
      ...(rule.priority !== undefined ? { priority: rule.priority } : {}),
    }),
  );
  return { rules, conditions, atLeast };
}

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
  const definition = jsonRulesEngineDefinition(ruleSet, options);
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
  const counted = new Map<string, readonly EvaluableRule[]>(
    definition.atLeast.map(([id, children]) => [id, children.map((conditions) => evaluable(new Rule({ name: id, conditions, event: { type: COUNT_FACT } }), engine))]),
  );
  engine.addFact<Promise<number>>(COUNT_FACT, async (params, almanac) => {
    const children = counted.get(String(params.knude)) ?? [];
    const results = await Promise.all(children.map((c) => c.evaluate(almanac)));
    return results.filter((r) => r.result === true).length;
  });
  for (const [name, conditions] of definition.conditions) engine.setCondition(name, conditions);
  for (const rule of definition.rules) engine.addRule(rule);
  return engine;
}

/** Converts condition trees; each `atLeast` node's children are handed to `onAtLeast` under the node's JSON pointer. */
class Converter {
  constructor(
    private readonly parameters: Readonly<Record<string, { value: unknown }>>,
    private readonly onAtLeast: (id: string, children: readonly NestedCondition[]) => void,
  ) {}

  convert(node: ConditionInput, path: JsonPath): NestedCondition {
    const priority = 'priority' in node && node.priority ? { priority: node.priority } : {};
    if ('all' in node) return { all: node.all.map((c, i) => this.convert(c, [...path, 'all', i])), ...priority };
    if ('any' in node) return { any: node.any.map((c, i) => this.convert(c, [...path, 'any', i])), ...priority };
    if ('not' in node) return { not: this.convert(node.not, [...path, 'not']), ...priority };
    if ('atLeast' in node) {
      const k = typeof node.atLeast === 'number' ? node.atLeast : (own(this.parameters, node.atLeast.parameter)?.value as number);
      const id = toPointer(path);
      this.onAtLeast(id, node.of.map((c, i) => this.convert(c, [...path, 'of', i])));
      return { fact: COUNT_FACT, params: { knude: id }, operator: 'greaterThanInclusive', value: k };
    }
    if ('condition' in node) return { condition: node.condition, ...priority };
    return leaf(node);
  }
}

function leaf(node: LeafInput): NestedCondition {
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
