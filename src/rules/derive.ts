/**
 * Rule sets with changed parameter values, held in memory: "what if this threshold were
 * 12 instead of 15?" without copying a file. The changed document is re-validated and
 * compiled through the same loader path as a rule file (schema, names, types, references),
 * so what a derived registry holds is exactly what a file with that value would load as.
 * Nothing is mutated: the original rule sets stay as they are and are shared with the new
 * registry wherever no parameter of theirs changed.
 */
import { basename } from 'node:path';
import { isDecimalString } from '../domain/decimal.js';
import { definitionOf } from '../engine/program.js';
import type { CompiledRuleSet, IsoDate, ParameterValue } from '../engine/types.js';
import { type Diagnostic, diagnostic, didYouMean, type Result, fail, ok } from '../errors.js';
import { pointerToPath } from '../engine/pointer.js';
import { loadRuleSetText, locateInRuleSet, sourcePathOf } from './loader.js';
import { createRegistry, type RuleRegistry } from './registry.js';
import type { RuleDomain } from './rule-domain.js';

/** Names one parameter: of every version of a rule set that has it, or of one version. */
export interface ParameterRef {
  /** The rule set's id, e.g. `screening`. */
  readonly ruleSet: string;
  /** One version only (its `effective.from` date); absent: every version that has the parameter. */
  readonly version?: IsoDate;
  /** The parameter's name, e.g. `maxFlyttefrekvensPct`. */
  readonly parameter: string;
}

/** One parameter changed in memory. */
export interface ParameterChange extends ParameterRef {
  /** The new value, typed as in a rule file: decimal strings for shares and amounts, numbers for counts. */
  readonly value: ParameterValue;
  /** The unit the value is given in, if the caller states one; it must be the parameter's unit. */
  readonly unit?: string;
}

/** What deriving needs besides the changes: the domains the changed rule sets are checked against, as a file of theirs would be. */
export interface DeriveOptions {
  /** The declarations of the domains of the registry being derived (the loader's `domains`). */
  readonly domains: readonly RuleDomain[];
}

/**
 * The rule-set versions a reference names: the one version asked for, or every version
 * of the rule set that has the parameter (oldest first). Unknown names fail with a
 * Danish diagnostic and a "did you mean".
 */
export function parameterTargets(registry: RuleRegistry, ref: ParameterRef): Result<readonly CompiledRuleSet[]> {
  const ids = registry.ids();
  if (!ids.includes(ref.ruleSet)) {
    const guess = didYouMean(ref.ruleSet, ids);
    return fail([
      diagnostic({
        code: 'unknown-rule-set',
        severity: 'error',
        message: `ukendt regelsæt "${ref.ruleSet}"`,
        hint: guess !== undefined ? `Mente du "${guess}"?` : `Kendte regelsæt: ${ids.join(', ')}.`,
      }),
    ]);
  }
  const versions = registry.versions(ref.ruleSet);
  let candidates = versions;
  if (ref.version !== undefined) {
    const one = versions.find((rs) => rs.info.version === ref.version);
    if (one === undefined) {
      return fail([
        diagnostic({
          code: 'unknown-rule-set',
          severity: 'error',
          message: `regelsættet ${ref.ruleSet} har ingen version ${ref.version}`,
          hint: `Versionerne er: ${versions.map((rs) => rs.info.version).join(', ')} (datoen i filens navn).`,
        }),
      ]);
    }
    candidates = [one];
  }
  const targets = candidates.filter((rs) => Object.hasOwn(rs.parameters, ref.parameter));
  if (targets.length > 0) return ok(Object.freeze(targets));
  const known = [...new Set(candidates.flatMap((rs) => Object.keys(rs.parameters)))].sort();
  const guess = didYouMean(ref.parameter, known);
  const where = ref.version !== undefined ? `${ref.ruleSet} ${ref.version} har ikke` : `ingen version af ${ref.ruleSet} har`;
  return fail([
    diagnostic({
      code: 'unknown-parameter',
      severity: 'error',
      message: `ukendt parameter: ${where} en parameter "${ref.parameter}"`,
      hint: guess !== undefined ? `Mente du "${guess}"?` : `Parametrene er: ${known.join(', ') || '(ingen)'}.`,
    }),
  ]);
}

/**
 * A registry in which the given parameters have new values. Each changed rule-set version
 * is re-validated and compiled from its changed document through the loader, so a value
 * of the wrong type, or one a condition cannot compare, fails exactly as it would in a
 * file — located at the parameter in the original file. Versions without changes are the
 * same objects as in `registry`. With any error nothing is derived.
 *
 * @example
 * const lower = deriveRegistry(bundledRegistry(), [{ ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', value: '12' }], { domains: SHIPPED_DOMAINS });
 * if (lower.ok) screenAfdelinger(afdelinger, { asOf: '2024-12-01', rules: lower.value });
 */
export function deriveRegistry(registry: RuleRegistry, changes: readonly ParameterChange[], options: DeriveOptions): Result<RuleRegistry> {
  const errors: Diagnostic[] = [];
  const byTarget = new Map<CompiledRuleSet, ParameterChange[]>();
  for (const change of changes) {
    const targets = parameterTargets(registry, change);
    if (!targets.ok) {
      errors.push(...targets.errors);
      continue;
    }
    for (const rs of targets.value) {
      const problem = valueProblem(rs, change);
      if (problem !== undefined) errors.push(problem);
      else byTarget.set(rs, [...(byTarget.get(rs) ?? []), change]);
    }
  }
  if (errors.length > 0) return fail(errors);
  const replaced = new Map<CompiledRuleSet, CompiledRuleSet>();
  for (const [rs, list] of byTarget) {
    const derived = recompile(rs, list, options.domains);
    if (derived.ok) replaced.set(rs, derived.value);
    else errors.push(...derived.errors);
  }
  if (errors.length > 0) return fail(errors);
  const all = registry.ids().flatMap((id) => registry.versions(id).map((rs) => replaced.get(rs) ?? rs));
  return createRegistry(all);
}

/**
 * Reads a value given as text (on a command line) as the type of the parameter's current
 * value: a decimal string stays text (a Danish decimal comma becomes a point), a number
 * becomes a number, `true`/`false`/`ja`/`nej` a boolean, and a list is JSON or comma-separated.
 * Text that does not fit is returned as it is, so {@link deriveRegistry} reports it.
 */
export function parameterValueFromText(text: string, like: ParameterValue): ParameterValue {
  const t = text.trim();
  if (Array.isArray(like)) {
    if (t.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(t);
        if (Array.isArray(parsed) && parsed.every(isScalar)) return parsed;
      } catch {
        return t;
      }
      return t;
    }
    const first: ParameterValue = like[0] ?? '';
    return t === '' ? [] : t.split(',').map((part) => parameterValueFromText(part, first) as number | string | boolean);
  }
  if (typeof like === 'number') {
    const normalised = t.replace(/^(-?\d+),(\d+)$/, '$1.$2');
    return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : t;
  }
  if (typeof like === 'boolean') {
    if (t === 'true' || t === 'ja') return true;
    if (t === 'false' || t === 'nej') return false;
    return t;
  }
  return t.replace(/^(-?\d+),(\d+)$/, '$1.$2');
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

/** Whether a stated unit names the parameter's unit ("pct." for "pct. af lejemål", "%" for "pct."). */
function unitFits(given: string, unit: string): boolean {
  const norm = (u: string) =>
    u
      .trim()
      .toLowerCase()
      .replace(/^(%|procent|pct)(?=\s|$)/, 'pct.');
  const g = norm(given);
  const u = norm(unit);
  return g === u || u.startsWith(`${g} `);
}

/** A change whose value is not of the parameter's type, or whose unit is not the parameter's. */
function valueProblem(rs: CompiledRuleSet, change: ParameterChange): Diagnostic | undefined {
  const current = rs.parameters[change.parameter];
  if (current === undefined) return undefined;
  const where = locate(rs, `/parameters/${change.parameter}/value`);
  const name = `parameteren "${change.parameter}" i ${rs.info.id} ${rs.info.version}`;
  if (change.unit !== undefined && !unitFits(change.unit, current.unit)) {
    return diagnostic({ code: 'value-type', severity: 'error', ...where, message: `${name} måles i ${current.unit}, ikke ${change.unit}`, hint: `Angiv værdien i ${current.unit}, eller udelad enheden.` });
  }
  const expected = kindOf(current.value);
  const actual = kindOf(change.value);
  if (expected === actual) return undefined;
  return diagnostic({
    code: 'value-type',
    severity: 'error',
    ...where,
    message: `${name} er ${KIND_TEXT[expected]}, men den nye værdi ${JSON.stringify(change.value)} er ${KIND_TEXT[actual]}`,
    hint: KIND_HINT[expected],
  });
}

type ValueKind = 'decimal' | 'number' | 'text' | 'boolean' | 'list';

function kindOf(v: ParameterValue): ValueKind {
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return isDecimalString(v as string) ? 'decimal' : 'text';
}

const KIND_TEXT: Readonly<Record<ValueKind, string>> = {
  decimal: 'et decimaltal skrevet som tekst',
  number: 'et tal',
  text: 'en tekst',
  boolean: 'ja/nej',
  list: 'en liste',
};

const KIND_HINT: Readonly<Record<ValueKind, string>> = {
  decimal: 'Skriv et decimaltal med punktum eller komma, fx 12 eller 12.5.',
  number: 'Skriv et tal, fx 20.',
  text: 'Skriv en tekst.',
  boolean: 'Skriv true eller false (ja eller nej).',
  list: 'Skriv værdierne adskilt af komma, eller som en JSON-liste.',
};

function locate(rs: CompiledRuleSet, pointer: string): { file?: string; pointer: string; line?: number; column?: number } {
  const at = locateInRuleSet(rs, pointerToPath(pointer));
  const file = sourcePathOf(rs) ?? rs.info.file;
  return { ...(file !== undefined ? { file } : {}), pointer, ...(at !== undefined ? { line: at.line, column: at.column } : {}) };
}

/** The rule-set version with the changed values, through the loader; diagnostics located in the original file. */
function recompile(rs: CompiledRuleSet, changes: readonly ParameterChange[], domains: readonly RuleDomain[]): Result<CompiledRuleSet> {
  const original = definitionOf(rs);
  const parameters = { ...original.parameters };
  for (const change of changes) {
    const p = parameters[change.parameter];
    if (p !== undefined) parameters[change.parameter] = { ...p, value: structuredClone(change.value) };
  }
  const definition = { ...original, parameters };
  const file = sourcePathOf(rs) ?? rs.info.file ?? `${rs.info.version}.json`;
  const shown = rs.info.file ?? basename(file);
  const label = changes.map((c) => `${c.parameter} = ${JSON.stringify(c.value)}`).join(', ');
  const loaded = loadRuleSetText(JSON.stringify(definition, null, 2), file, { domains, name: `${shown} (ændret: ${label})` });
  if (loaded.ok) return loaded;
  return fail(loaded.errors.map((d) => relocate(rs, d)));
}

/** A diagnostic of the derived document, placed where its pointer lies in the original file (lines of the generated text mean nothing). */
function relocate(rs: CompiledRuleSet, d: Diagnostic): Diagnostic {
  if (d.pointer === undefined) return d;
  const { line: _line, column: _column, file: _file, ...rest } = d;
  return diagnostic({ ...rest, ...locate(rs, d.pointer) });
}
