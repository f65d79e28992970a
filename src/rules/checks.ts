/**
 * Semantic checks of a schema-valid rule file: every name a condition uses exists
 * (with a "did you mean" when it does not), every value fits its fact's type and
 * operator, condition references form no cycle and no chain deeper than the limit
 * (`condition-graph.ts`), and the file's dates agree.
 */
import { isDecimalString } from '../domain/decimal.js';
import { own } from '../domain/own.js';
import type { FactDefinition, FactType } from '../domain/fact-types.js';
import { diagnostic, didYouMean, type Diagnostic, type DiagnosticCode } from '../errors.js';
import { OPERATORS, OPERATOR_NAMES, type OperatorDefinition } from '../engine/operators.js';
import { type JsonDocument, type JsonPath, locate } from './json-document.js';
import { checkConditionGraph } from './condition-graph.js';
import { type ConditionInput, isRefTo, type LeafInput } from '../engine/grammar.js';
import type { RuleSetFile } from './schema.js';

/** Everything wrong with the file's meaning; empty when it may be compiled. */
export function checkRuleSet(doc: JsonDocument, file: RuleSetFile, fileName: string | undefined, facts: ReadonlyMap<string, FactDefinition>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: DiagnosticCode, path: JsonPath, message: string, hint: string) => {
    const where = locate(doc, path);
    out.push(diagnostic({ code, severity: 'error', file: doc.file, pointer: where.pointer, line: where.line, column: where.column, message, hint }));
  };
  const parameters = file.parameters ?? {};
  const conditions = file.conditions ?? {};

  checkDates(file, fileName, report);

  const seen = new Map<string, number>();
  file.rules.forEach((rule, i) => {
    const first = seen.get(rule.id);
    if (first !== undefined) {
      report('duplicate-rule-id', ['rules', i, 'id'], `regel-id'et "${rule.id}" bruges allerede af regel nr. ${first + 1}`, 'Giv reglen et entydigt id.');
    } else seen.set(rule.id, i);
  });

  const ctx: WalkContext = { facts, parameters, conditions, report, domain: file.domain };
  for (const [name, named] of Object.entries(conditions)) walk(named.condition, ['conditions', name, 'condition'], ctx);
  file.rules.forEach((rule, i) => walk(rule.conditions, ['rules', i, 'conditions'], ctx));

  checkConditionGraph(file, report);
  return out;
}

/** Reports one located problem of a rule file. */
export type Report = (code: DiagnosticCode, path: JsonPath, message: string, hint: string) => void;

interface WalkContext {
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly parameters: NonNullable<RuleSetFile['parameters']>;
  readonly conditions: NonNullable<RuleSetFile['conditions']>;
  readonly report: Report;
  readonly domain: string;
}

function walk(node: ConditionInput, path: JsonPath, ctx: WalkContext): void {
  if ('all' in node) node.all.forEach((c, i) => walk(c, [...path, 'all', i], ctx));
  else if ('any' in node) node.any.forEach((c, i) => walk(c, [...path, 'any', i], ctx));
  else if ('not' in node) walk(node.not, [...path, 'not'], ctx);
  else if ('atLeast' in node) {
    node.of.forEach((c, i) => walk(c, [...path, 'of', i], ctx));
    checkAtLeast(node.atLeast, node.of.length, [...path, 'atLeast'], ctx);
  } else if ('condition' in node) {
    if (!Object.hasOwn(ctx.conditions, node.condition)) {
      const guess = didYouMean(node.condition, Object.keys(ctx.conditions));
      ctx.report(
        'unknown-condition',
        [...path, 'condition'],
        `ukendt betingelse "${node.condition}"`,
        guess ? `Mente du "${guess}"?` : `Definér den under "conditions", eller brug en af: ${list(Object.keys(ctx.conditions))}.`,
      );
    }
  } else checkLeaf(node, path, ctx);
}

function checkAtLeast(k: number | { parameter: string }, n: number, path: JsonPath, ctx: WalkContext): void {
  let value: number | undefined;
  if (typeof k === 'number') value = k;
  else {
    const p = own(ctx.parameters, k.parameter);
    if (p === undefined) {
      unknownParameter(k.parameter, [...path, 'parameter'], ctx);
      return;
    }
    if (typeof p.value !== 'number' || !Number.isInteger(p.value) || p.value < 0) {
      ctx.report('value-type', [...path, 'parameter'], `parameteren "${k.parameter}" skal være et helt tal for at kunne bruges i "atLeast"`, 'Skriv parameterens værdi som et helt tal uden anførselstegn, fx 2.');
      return;
    }
    value = p.value;
  }
  if (value === 0) reportAtLeastZero(typeof k === 'number' ? undefined : k.parameter, path, ctx);
  else if (value > n) ctx.report('value-type', path, `"atLeast" kræver ${value}, men der er kun ${n} betingelser i "of"`, 'Sænk tallet eller tilføj betingelser.');
}

/** "Mindst 0 af n" holds whatever the facts, even when all are missing: never what a policy means. */
function reportAtLeastZero(parameter: string | undefined, path: JsonPath, ctx: WalkContext): void {
  const via = parameter === undefined ? '' : ` (fra parameteren "${parameter}")`;
  ctx.report(
    'value-type',
    parameter === undefined ? path : [...path, 'parameter'],
    `"atLeast" er 0${via}: betingelsen er da altid opfyldt, også når alle fakta mangler`,
    parameter === undefined ? 'Skriv mindst 1. Skal betingelsen ikke gælde, så fjern den.' : `Sæt parameteren "${parameter}" til mindst 1. Skal betingelsen ikke gælde, så fjern den.`,
  );
}

function checkLeaf(leaf: LeafInput, path: JsonPath, ctx: WalkContext): void {
  const fact = ctx.facts.get(leaf.fact);
  const op = OPERATORS.get(leaf.operator);
  if (fact === undefined) {
    const guess = didYouMean(leaf.fact, ctx.facts.keys());
    ctx.report(
      'unknown-fact',
      [...path, 'fact'],
      `ukendt fakta "${leaf.fact}" for domænet ${ctx.domain}`,
      guess ? `Mente du "${guess}"?` : 'Se faktakataloget i README for de fakta, domænet kender.',
    );
  }
  if (op === undefined) {
    const guess = didYouMean(leaf.operator, OPERATOR_NAMES);
    ctx.report('unknown-operator', [...path, 'operator'], `ukendt operator "${leaf.operator}"`, guess ? `Mente du "${guess}"?` : `Brug en af: ${OPERATOR_NAMES.join(', ')}.`);
  }
  if (fact === undefined || op === undefined) return;
  if (leaf.path !== undefined && fact.type !== 'object') {
    ctx.report('value-type', [...path, 'path'], `"path" kan kun bruges på fakta af typen object; "${fact.name}" er ${fact.type}`, 'Slet "path".');
    return;
  }
  const factType: FactType | undefined = fact.type === 'object' ? undefined : fact.type;
  if (factType !== undefined && !op.factTypes.includes(factType)) {
    ctx.report('operator-fact-type', [...path, 'operator'], `operatoren "${op.name}" kan ikke bruges på "${fact.name}", som er af typen ${fact.type}`, operatorHint(factType));
    return;
  }
  checkValue(leaf.value, factType, op, [...path, 'value'], ctx);
}

function operatorHint(type: FactType): string {
  const ops = OPERATOR_NAMES.filter((n) => OPERATORS.get(n)?.factTypes.includes(type));
  const prefix = type === 'decimal' ? 'Andele og beløb sammenlignes eksakt med decimal-operatorerne. ' : '';
  return `${prefix}Brug en af: ${ops.join(', ')}.`;
}

function checkValue(value: unknown, factType: FactType | undefined, op: OperatorDefinition, path: JsonPath, ctx: WalkContext): void {
  if (isRefTo(value, 'parameter')) {
    const p = own(ctx.parameters, value.parameter);
    if (p === undefined) {
      unknownParameter(value.parameter, [...path, 'parameter'], ctx);
      return;
    }
    const problem = literalProblem(p.value, factType, op);
    if (problem) ctx.report('value-type', ['parameters', value.parameter, 'value'], `parameteren "${value.parameter}" ${problem.message}`, problem.hint);
    return;
  }
  if (isRefTo(value, 'fact')) {
    const other = ctx.facts.get(value.fact);
    if (other === undefined) {
      const guess = didYouMean(value.fact, ctx.facts.keys());
      ctx.report('unknown-fact', [...path, 'fact'], `ukendt fakta "${value.fact}" for domænet ${ctx.domain}`, guess ? `Mente du "${guess}"?` : 'Se faktakataloget i README.');
      return;
    }
    if (value.path !== undefined && other.type !== 'object') {
      ctx.report('value-type', [...path, 'path'], `"path" kan kun bruges på fakta af typen object; "${other.name}" er ${other.type}`, 'Slet "path".');
      return;
    }
    if (factType === undefined || other.type === 'object') return;
    const fits = op.operand === 'decimal' ? other.type === 'decimal' || other.type === 'number' : op.operand === 'same' && other.type === factType;
    if (!fits) ctx.report('value-type', [...path, 'fact'], `faktaen "${other.name}" (${other.type}) kan ikke sammenlignes med ${factType} med "${op.name}"`, 'Sammenlign med en fakta af samme type.');
    return;
  }
  const problem = literalProblem(value, factType, op);
  if (problem) ctx.report('value-type', path, problem.message, problem.hint);
}

function literalProblem(value: unknown, factType: FactType | undefined, op: OperatorDefinition): { message: string; hint: string } | undefined {
  switch (op.operand) {
    case 'decimal':
      if (typeof value === 'string' && isDecimalString(value)) return undefined;
      return typeof value === 'number'
        ? { message: `er tallet ${value}, men "${op.name}" kræver et decimaltal skrevet som tekst`, hint: `Skriv "${value}" i anførselstegn, så tallet læses præcist.` }
        : { message: `er ${JSON.stringify(value)}, men "${op.name}" kræver et decimaltal skrevet som tekst`, hint: 'Skriv fx "40" eller "0.125" (punktum som decimaltegn, intet tusindtalsskilletegn).' };
    case 'same':
      return factType === undefined || fitsScalar(value, factType) ? undefined : scalarProblem(value, factType);
    case 'array-of-fact':
      if (!Array.isArray(value)) return { message: `er ${JSON.stringify(value)}, men "${op.name}" kræver en liste`, hint: 'Skriv værdierne som en liste, fx ["a", "b"].' };
      if (factType === undefined) return undefined;
      for (const v of value) if (!fitsScalar(v, factType)) return scalarProblem(v, factType);
      return undefined;
    case 'element':
      return typeof value === 'string' ? undefined : { message: `er ${JSON.stringify(value)}, men listen indeholder tekst`, hint: 'Skriv værdien i anførselstegn.' };
  }
}

function fitsScalar(value: unknown, type: FactType): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    default:
      return false;
  }
}

function scalarProblem(value: unknown, type: FactType): { message: string; hint: string } {
  const hints: Partial<Record<FactType, string>> = {
    number: typeof value === 'string' ? `Skriv tallet uden anførselstegn: ${value}.` : 'Skriv et tal.',
    boolean: 'Skriv true eller false uden anførselstegn.',
    string: 'Skriv værdien i anførselstegn.',
    date: 'Skriv datoen som "ÅÅÅÅ-MM-DD".',
  };
  return { message: `${JSON.stringify(value)} passer ikke til en fakta af typen ${type}`, hint: hints[type] ?? 'Ret værdiens type.' };
}

function unknownParameter(name: string, path: JsonPath, ctx: WalkContext): void {
  const guess = didYouMean(name, Object.keys(ctx.parameters));
  ctx.report('unknown-parameter', path, `ukendt parameter "${name}"`, guess ? `Mente du "${guess}"?` : `Definér den under "parameters"${Object.keys(ctx.parameters).length ? `, eller brug en af: ${list(Object.keys(ctx.parameters))}` : ''}.`);
}

/** Checks a dated file's `effective` period and that its file name is its `effective.from` date (any dated rule file). */
export function checkDates(file: { readonly effective: { readonly from: string; readonly to?: string | undefined } }, fileName: string | undefined, report: Report): void {
  const { from, to } = file.effective;
  if (to !== undefined && to < from) {
    report('effective-order', ['effective', 'to'], `"effective.to" (${to}) ligger før "effective.from" (${from})`, 'Ret datoerne, så "from" er første og "to" sidste dag i kraft.');
  }
  if (fileName !== undefined) {
    const base = fileName.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
    if (base !== from) {
      report('file-name-date', ['effective', 'from'], `filen hedder "${base}.json", men "effective.from" er ${from}`, `Omdøb filen til "${from}.json" eller ret datoen; filens navn er datoen, den træder i kraft.`);
    }
  }
}

function list(names: readonly string[]): string {
  return names.length === 0 ? '(ingen)' : names.map((n) => `"${n}"`).join(', ');
}
