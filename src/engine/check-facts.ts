/**
 * The public boundary of evaluation: the facts a caller hands to `evaluateRuleSet`,
 * `decideRuleSet`, `createDecider`, `createExplainer` or `dependsOnCondition`, checked
 * before any rule reads them, in two steps:
 *
 * 1. A fact a rule set reads must be a JSON value: a string, a boolean, a finite number,
 *    or a list or plain object of those (nested at most {@link MAX_JSON_DEPTH} levels,
 *    without cycles), or for a decimal fact an exact `Ratio`; `undefined` and `null` mean missing. Anything else — a BigInt, a
 *    Symbol, a function, NaN, ±Infinity, a Date or a class instance — is a
 *    `BoligsocialError` with code `input-invalid`.
 * 2. It must have its catalogue type (a number for `beboere`, a decimal for a share…):
 *    else code `fact-type`, whether or not a decision would have reached it.
 *
 * Each with a Danish diagnostic naming the fact, instead of an English TypeError or a
 * misleading "has value undefined". Facts the rule set does not read are not looked at.
 * Linear in the facts read.
 */
import type { FactDefinition, FactType, Facts } from '../domain/fact-types.js';
import { BoligsocialError, diagnostic } from '../errors.js';
import { isDecimalString } from '../domain/decimal.js';
import { MAX_JSON_DEPTH } from '../domain/limits.js';
import { Ratio } from '../domain/ratio.js';
import { snapshot, valueFits } from './comparators.js';
import { scanInto } from './decimal-compare.js';
import { factCatalogueOf } from './program.js';
import { OPERATORS } from './operators.js';
import type { CompiledRuleSet } from './types.js';

/** A fact a rule set reads: its name, catalogue type and the test of that type (none for a fact outside the catalogue: it must be a JSON value, of no particular type). */
interface ReadFact {
  readonly name: string;
  readonly type: FactType | undefined;
  readonly fits: (v: unknown) => boolean;
}

const readFacts = new WeakMap<CompiledRuleSet, readonly ReadFact[]>();

/** The facts a rule set reads, with their types, worked out once per rule set. */
function factsRead(ruleSet: CompiledRuleSet): readonly ReadFact[] {
  let list = readFacts.get(ruleSet);
  if (list === undefined) {
    const catalogue = factCatalogueOf(ruleSet) ?? new Map<string, FactDefinition>();
    // for a catalogue type the operator does not matter; it only picks the test of a value read through `path`
    const anyOperator = OPERATORS.get('equal') as NonNullable<ReturnType<typeof OPERATORS.get>>;
    // one entry per fact in `ruleSet.facts`, at the same index (a leaf finds what was scanned of its fact there)
    list = ruleSet.facts.map((name) => {
      const def = catalogue.get(name);
      // a fact outside the catalogue (a threshold read from the facts) must be a JSON value, of no particular type
      return def === undefined ? { name, type: undefined, fits: () => true } : { name, type: def.type, fits: valueFits(def.type, anyOperator) };
    });
    readFacts.set(ruleSet, list);
  }
  return list;
}

/** How to write a value of each type. */
const TYPE_HINT: Readonly<Record<FactType, string>> = {
  number: 'Skriv et tal uden anførselstegn, fx 1200.',
  decimal: 'Skriv decimaltallet som tekst med punktum som decimaltegn og uden tusindtalsskilletegn, fx "40.5".',
  boolean: 'Skriv true eller false uden anførselstegn.',
  string: 'Skriv værdien som tekst i anførselstegn.',
  date: 'Skriv datoen som "ÅÅÅÅ-MM-DD", fx "2024-12-01".',
  'string[]': 'Skriv en liste af tekster, fx ["a", "b"].',
  object: 'Skriv et objekt, fx { "tal": { "beboere": 1200 } }.',
};

/** A fact's type in Danish, as "som ikke er …" ends. */
const TYPE_DA: Readonly<Record<FactType, string>> = {
  number: 'et endeligt tal',
  decimal: 'et decimaltal (en tekst som "40.5" eller et endeligt tal)',
  boolean: 'true eller false',
  string: 'en tekst',
  date: 'en dato skrevet "ÅÅÅÅ-MM-DD"',
  'string[]': 'en liste af tekster',
  object: 'et objekt',
};

/** What is wrong with a value, in Danish and in English. */
interface Problem {
  readonly da: string;
  readonly en: string;
  readonly hint: string;
}

/**
 * Throws unless `facts` is an object whose facts read by `ruleSet` are JSON values of
 * their catalogue types.
 * @throws BoligsocialError `input-invalid` (not a JSON value) or `fact-type` (the wrong type), with one Danish diagnostic per bad fact (its name in `field`).
 */
export function checkFacts(ruleSet: CompiledRuleSet, facts: unknown): asserts facts is Facts {
  checkReadFacts(factsRead(ruleSet), facts);
}

/**
 * {@link checkFacts} with the rule set's facts looked up once, for a function that checks
 * the facts of every call (`createDecider`): it saves a lookup per decision. It also
 * returns what it scanned of each decimal and integer fact (the
 * {@link EvalContext.scanned} of the evaluation), so that no leaf reads or scans a fact
 * the check already read.
 */
export function factsScanner(ruleSet: CompiledRuleSet): (facts: unknown) => number[] {
  const list = factsRead(ruleSet);
  return (facts) => checkAndScan(list, facts);
}

/** {@link checkFacts} that returns what it scanned, as {@link factsScanner}. */
export function checkAndScanFacts(ruleSet: CompiledRuleSet, facts: unknown): number[] {
  return checkAndScan(factsRead(ruleSet), facts);
}

function checkAndScan(list: readonly ReadFact[], facts: unknown): number[] {
  const scanned = unscanned(list.length);
  checkReadFacts(list, facts, undefined, scanned);
  return scanned;
}

/** Two slots per fact, every value NaN (not scanned) until the check fills it. */
export function unscanned(facts: number): number[] {
  const scanned: number[] = [];
  for (let i = 0; i < 2 * facts; i++) scanned.push(Number.NaN);
  return scanned;
}

/**
 * {@link factsScanner} that also copies what it checked, for a result that explains
 * itself later (`createExplainer`): the value of each fact the rule set reads, in the
 * order of `names` (`undefined` where missing), lists and objects as frozen copies.
 */
export function factsCopier(ruleSet: CompiledRuleSet): { readonly names: readonly string[]; readonly copy: (facts: unknown, scanned?: number[]) => unknown[] } {
  const list = factsRead(ruleSet);
  const names = Object.freeze(list.map((f) => f.name));
  const copy = (facts: unknown, scanned?: number[]): unknown[] => {
    const values = new Array<unknown>(list.length);
    checkReadFacts(list, facts, values, scanned);
    // checked: a list or object here is a JSON value, safe to copy
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'object' && v !== null && !(v instanceof Ratio)) values[i] = snapshot(v);
    }
    return values;
  };
  return { names, copy };
}

function checkReadFacts(list: readonly ReadFact[], facts: unknown, copy?: unknown[], scanned?: number[]): asserts facts is Facts {
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    const what = describe(facts);
    throw new BoligsocialError('input-invalid', `facts must be an object of fact name → value, got ${what.en}`, [
      diagnostic({ code: 'input-invalid', severity: 'error', message: `faktaene skal være et objekt med faktaenes navne og værdier, ikke ${what.da}`, hint: 'Giv fx { "beboere": 1200, "udenArbejdePct": "41.5" }.' }),
    ]);
  }
  const record = facts as Readonly<Record<string, unknown>>;
  let invalid: { name: string; problem: Problem }[] | undefined;
  let mistyped: { fact: ReadFact; type: FactType; value: unknown }[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const fact = list[i] as ReadFact;
    const v = record[fact.name];
    if (v === undefined || v === null) continue;
    if (!Object.hasOwn(record, fact.name)) continue;
    if (copy !== undefined) copy[i] = v;
    // the common cases first, inline and without a walk: this runs before every decision
    if (typeof v === 'string') {
      if (fact.type === 'decimal' && (scanned !== undefined ? scanInto(v, scanned, 2 * i) || isDecimalString(v) : isDecimalString(v))) continue;
    } else if (typeof v === 'number' && v - v === 0 && (fact.type === 'decimal' || fact.type === 'number')) {
      if (scanned !== undefined && Number.isInteger(v) && Math.abs(v) < 1e15) {
        scanned[2 * i] = v;
        scanned[2 * i + 1] = 0;
      }
      continue;
    } else if (fact.type === 'decimal' && v instanceof Ratio) continue;
    const scalar = typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && v - v === 0) || v instanceof Ratio;
    const problem = scalar ? undefined : valueProblem(v);
    if (problem !== undefined) (invalid ??= []).push({ name: fact.name, problem });
    else if (fact.type !== undefined && !fact.fits(v)) (mistyped ??= []).push({ fact, type: fact.type, value: v });
  }
  if (invalid !== undefined) {
    throw new BoligsocialError(
      'input-invalid',
      invalid.map((p) => `fact ${p.name} ${p.problem.en}`).join('; '),
      invalid.map((p) => diagnostic({ code: 'input-invalid', severity: 'error', field: p.name, message: `faktaen "${p.name}" ${p.problem.da}`, hint: p.problem.hint })),
    );
  }
  if (mistyped !== undefined) {
    throw new BoligsocialError(
      'fact-type',
      mistyped.map(({ fact, type, value }) => `fact ${fact.name} has value ${JSON.stringify(value)}, which is not ${type}`).join('; '),
      mistyped.map(({ fact, type, value }) =>
        diagnostic({
          code: 'fact-type',
          severity: 'error',
          field: fact.name,
          message: `faktaen "${fact.name}" har værdien ${JSON.stringify(value)}, som ikke er ${TYPE_DA[type]}`,
          hint: TYPE_HINT[type],
        }),
      ),
    );
  }
}

/** The problem with a fact's value, if any: scalars at once, lists and objects by an explicit-stack walk. */
function valueProblem(value: unknown): Problem | undefined {
  const scalar = scalarProblem(value);
  if (scalar !== 'container') return scalar;
  // depth-first with an explicit stack: `ancestors` finds cycles, `done` keeps shared parts from being walked twice
  const ancestors = new Set<object>();
  const done = new Set<object>();
  const stack: { value: object; depth: number; exit: boolean }[] = [{ value: value as object, depth: 1, exit: false }];
  while (stack.length > 0) {
    const top = stack.pop() as (typeof stack)[number];
    if (top.exit) {
      ancestors.delete(top.value);
      done.add(top.value);
      continue;
    }
    if (done.has(top.value)) continue;
    if (ancestors.has(top.value)) return CYCLE;
    if (top.depth > MAX_JSON_DEPTH) return TOO_DEEP;
    ancestors.add(top.value);
    stack.push({ value: top.value, depth: top.depth, exit: true });
    for (const child of Object.values(top.value)) {
      const p = scalarProblem(child);
      if (p === 'container') stack.push({ value: child as object, depth: top.depth + 1, exit: false });
      else if (p !== undefined) return { ...p, da: `indeholder en værdi, der ${p.da}`, en: `contains a value that ${p.en}` };
    }
  }
  return undefined;
}

const CYCLE: Problem = { da: 'henviser til sig selv (en cyklisk struktur)', en: 'is cyclic', hint: 'Giv en JSON-værdi: lister og objekter må ikke indeholde sig selv.' };
const TOO_DEEP: Problem = {
  da: `er indlejret mere end ${MAX_JSON_DEPTH} niveauer`,
  en: `is nested more than ${MAX_JSON_DEPTH} levels deep`,
  hint: 'Gør værdien fladere; ingen regel læser så dybt.',
};

/** The problem with a non-container value; `'container'` for a list or plain object (walked by the caller). */
function scalarProblem(value: unknown): Problem | 'container' | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return undefined;
    case 'number':
      if (Number.isFinite(value)) return undefined;
      return {
        da: `er ${Number.isNaN(value) ? 'NaN (ikke et tal)' : 'uendelig'}; et tal skal være endeligt`,
        en: `is ${String(value)}, not a finite number`,
        hint: 'Udelad faktaen eller giv null, hvis tallet er ukendt; ellers et endeligt tal eller en decimaltekst som "40.5".',
      };
    case 'bigint':
      return { da: `er et BigInt (${String(value)}n)`, en: `is a BigInt (${String(value)}n)`, hint: 'Giv tallet som number eller som decimaltekst, fx 1200 eller "1200".' };
    case 'symbol':
      return { da: 'er et Symbol', en: 'is a Symbol', hint: 'Giv en tekst, et tal eller en sandhedsværdi.' };
    case 'function':
      return { da: 'er en funktion', en: 'is a function', hint: 'Giv faktaens værdi, ikke en funktion, der beregner den.' };
    default: {
      if (value === null || Array.isArray(value)) return value === null ? undefined : 'container';
      // a plain object: its prototype is null or an Object.prototype (of any realm)
      const proto = Object.getPrototypeOf(value) as object | null;
      if (proto === null || Object.getPrototypeOf(proto) === null) return 'container';
      const kind = describe(value);
      return { da: `er ${kind.da}`, en: `is ${kind.en}`, hint: 'Giv en JSON-værdi: tekst, tal, sandhedsværdi, liste eller almindeligt objekt (datoer som "ÅÅÅÅ-MM-DD").' };
    }
  }
}

/** How a value is named in a message. */
function describe(value: unknown): { da: string; en: string } {
  if (value === null) return { da: 'null', en: 'null' };
  if (Array.isArray(value)) return { da: 'en liste', en: 'an array' };
  if (typeof value === 'object') {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    const type = typeof name === 'string' && name !== '' ? name : 'Object';
    return { da: `et objekt af typen ${type}`, en: `an object of type ${type}` };
  }
  return { da: `en værdi af typen ${typeof value}`, en: `a ${typeof value}` };
}
