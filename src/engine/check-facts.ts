/**
 * The public boundary of evaluation: the facts a caller hands to `evaluateRuleSet`,
 * `decideRuleSet`, `createDecider`, `createExplainer` or `dependsOnCondition`, checked
 * before any rule reads them. A fact a rule set reads must be a JSON value: a string,
 * a boolean, a finite number, or a list or plain object of those (nested at most
 * {@link MAX_JSON_DEPTH} levels, without cycles); `undefined` and `null` mean missing.
 * Anything else — a BigInt, a Symbol, a function, NaN, ±Infinity, a Date or a class
 * instance — is a `BoligsocialError` with code `input-invalid` and a Danish diagnostic
 * naming the fact, instead of an English TypeError or a misleading "has value undefined".
 * Facts the rule set does not read are not looked at. Linear in the facts read.
 */
import type { Facts } from '../domain/fact-types.js';
import { BoligsocialError, diagnostic } from '../errors.js';
import { MAX_JSON_DEPTH } from '../rules/json-depth.js';
import type { CompiledRuleSet } from './types.js';

/** What is wrong with a value, in Danish and in English. */
interface Problem {
  readonly da: string;
  readonly en: string;
  readonly hint: string;
}

/**
 * Throws unless `facts` is an object whose facts read by `ruleSet` are all JSON values.
 * @throws BoligsocialError `input-invalid`, with one Danish diagnostic per bad fact (its name in `field`).
 */
export function checkFacts(ruleSet: CompiledRuleSet, facts: unknown): asserts facts is Facts {
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    const what = describe(facts);
    throw new BoligsocialError('input-invalid', `facts must be an object of fact name → value, got ${what.en}`, [
      diagnostic({ code: 'input-invalid', severity: 'error', message: `faktaene skal være et objekt med faktaenes navne og værdier, ikke ${what.da}`, hint: 'Giv fx { "beboere": 1200, "udenArbejdePct": "41.5" }.' }),
    ]);
  }
  let problems: { name: string; problem: Problem }[] | undefined;
  const names = ruleSet.facts;
  const record = facts as Readonly<Record<string, unknown>>;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const v = record[name];
    // the common cases first, without a call: this runs before every decision
    if (typeof v === 'string' || typeof v === 'boolean' || v === undefined || v === null || (typeof v === 'number' && v - v === 0)) continue;
    if (!Object.hasOwn(record, name)) continue;
    const problem = valueProblem(v);
    if (problem !== undefined) (problems ??= []).push({ name, problem });
  }
  if (problems === undefined) return;
  throw new BoligsocialError(
    'input-invalid',
    problems.map((p) => `fact ${p.name} ${p.problem.en}`).join('; '),
    problems.map((p) => diagnostic({ code: 'input-invalid', severity: 'error', field: p.name, message: `faktaen "${p.name}" ${p.problem.da}`, hint: p.problem.hint })),
  );
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
