/**
 * The dated registry: every version of every rule set, checked for overlaps and gaps
 * between versions, and the version in force on a date.
 */
import { basename, join, relative } from 'node:path';
import { BoligsocialError, type Diagnostic, diagnostic, didYouMean, type Result, fail, ok } from '../errors.js';
import type { CompiledRuleSet, IsoDate } from '../engine/types.js';
import { listJsonFiles } from './files.js';
import { loadRuleSetFile, locateInRuleSet, sourcePathOf } from './loader.js';
import { checkMetodeKataloger, isMetoderFile, loadMetodeKatalogFile, metodeKatalogInForce, type MetodeKatalog } from './metoder.js';
import type { RuleDomain } from './rule-domain.js';
import { addDaysIso, isIsoDate } from '../domain/calendar.js';

/** All loaded rule sets, by id and date. */
export interface RuleRegistry {
  /** The rule-set ids, sorted. */
  ids(): readonly string[];
  /** Every version of a rule set, oldest first; empty for an unknown id. */
  versions(id: string): readonly CompiledRuleSet[];
  /**
   * The version of rule set `id` in force on `asOf` (`YYYY-MM-DD`).
   * @throws BoligsocialError `unknown-rule-set` or `no-rules-in-force`, saying which dates are covered.
   */
  inForce(id: string, asOf: IsoDate): CompiledRuleSet;
  /**
   * The methods catalogue (`metoder/<date>.json`) in force on `asOf`: the latest that took
   * effect on or before it; undefined when there is none. Optional, so a registry built
   * elsewhere without catalogues still is one; callers treat its absence as "no catalogue".
   */
  metoder?(asOf: IsoDate): MetodeKatalog | undefined;
  /** Every methods catalogue, oldest first (for coverage: each version needs a scenario). Optional like {@link metoder}. */
  metodeKataloger?(): readonly MetodeKatalog[];
}

/**
 * Builds a registry from compiled rule sets, rejecting overlapping versions of one id
 * and gaps between consecutive versions (each `to` must be the day before the next `from`),
 * and from methods catalogues, rejecting two that take effect on the same day.
 */
export function createRegistry(ruleSets: readonly CompiledRuleSet[], metodeKataloger: readonly MetodeKatalog[] = []): Result<RuleRegistry> {
  const byId = new Map<string, CompiledRuleSet[]>();
  for (const rs of ruleSets) {
    const list = byId.get(rs.info.id) ?? [];
    list.push(rs);
    byId.set(rs.info.id, list);
  }
  const errors: Diagnostic[] = [];
  for (const [id, list] of byId) {
    list.sort((a, b) => a.info.effective.from.localeCompare(b.info.effective.from));
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1] as CompiledRuleSet;
      const next = list[i] as CompiledRuleSet;
      const prevTo = prev.info.effective.to;
      const at = locateInRuleSet(next, ['effective', 'from']);
      const nextPath = sourcePathOf(next) ?? next.info.file;
      const prevPath = sourcePathOf(prev) ?? prev.info.file;
      const where = { ...(nextPath !== undefined ? { file: nextPath } : {}), pointer: '/effective/from', ...(at ? { line: at.line, column: at.column } : {}) };
      const prevName = prevPath !== undefined ? basename(prevPath) : prev.info.version;
      if (prevTo === undefined || prevTo >= next.info.effective.from) {
        errors.push(
          diagnostic({
            code: 'version-overlap',
            severity: 'error',
            ...where,
            message: `${id} ${next.info.version} overlapper ${id} ${prev.info.version}, som ${prevTo === undefined ? 'ikke har nogen slutdato' : `gælder til og med ${prevTo}`}`,
            hint: `Sæt "effective.to" i ${prevName} til ${dayBefore(next.info.effective.from)}, dagen før den nye version træder i kraft.`,
          }),
        );
      } else if (dayAfter(prevTo) !== next.info.effective.from) {
        errors.push(
          diagnostic({
            code: 'version-gap',
            severity: 'error',
            ...where,
            message: `der er ingen ${id}-regler i kraft fra ${dayAfter(prevTo)} til ${dayBefore(next.info.effective.from)}`,
            hint: `Sæt "effective.to" i ${prevName} til ${dayBefore(next.info.effective.from)}, eller lad den nye version træde i kraft ${dayAfter(prevTo)}.`,
          }),
        );
      }
    }
  }
  const kataloger = checkMetodeKataloger(metodeKataloger);
  if (!kataloger.ok) errors.push(...kataloger.errors);
  if (errors.length > 0 || !kataloger.ok) return fail(errors);
  const katalogList = kataloger.value;
  const frozen = new Map([...byId].map(([id, list]) => [id, Object.freeze([...list])] as const));
  const ids = Object.freeze([...frozen.keys()].sort());
  return ok(
    Object.freeze({
      ids: () => ids,
      versions: (id: string) => frozen.get(id) ?? Object.freeze([]),
      inForce: (id: string, asOf: IsoDate) => inForce(frozen, id, asOf),
      metoder: (asOf: IsoDate) => metodeKatalogInForce(katalogList, asOf),
      metodeKataloger: () => katalogList,
    }),
  );
}

function inForce(byId: ReadonlyMap<string, readonly CompiledRuleSet[]>, id: string, asOf: IsoDate): CompiledRuleSet {
  const list = byId.get(id);
  if (list === undefined || list.length === 0) {
    const guess = didYouMean(id, byId.keys());
    const known = [...byId.keys()].sort();
    throw new BoligsocialError('unknown-rule-set', `no rule set with id ${id}${guess ? `; did you mean ${guess}?` : `; known: ${known.join(', ')}`}`, [
      diagnostic({
        code: 'unknown-rule-set',
        severity: 'error',
        message: `der findes intet regelsæt med id'et "${id}"`,
        hint: guess !== undefined ? `Mente du "${guess}"?` : `Kendte regelsæt: ${known.length === 0 ? '(ingen)' : known.map((k) => `"${k}"`).join(', ')}.`,
      }),
    ]);
  }
  if (!isIsoDate(asOf)) {
    throw new BoligsocialError('input-invalid', `asOf must be a date YYYY-MM-DD, got ${JSON.stringify(asOf)}`, [
      diagnostic({ code: 'input-invalid', severity: 'error', message: `datoen ${JSON.stringify(asOf)} er ikke en gyldig dato`, hint: 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-12-01.' }),
    ]);
  }
  const found = list.find((rs) => rs.info.effective.from <= asOf && (rs.info.effective.to === undefined || asOf <= rs.info.effective.to));
  if (found) return found;
  const first = list[0] as CompiledRuleSet;
  const last = list[list.length - 1] as CompiledRuleSet;
  const message =
    asOf < first.info.effective.from
      ? `no ${id} rules in force on ${asOf}; the earliest take effect ${first.info.effective.from}`
      : `no ${id} rules in force on ${asOf}; the latest ceased to apply after ${last.info.effective.to ?? '?'}`;
  throw new BoligsocialError('no-rules-in-force', message, [
    diagnostic({
      code: 'no-rules-in-force',
      severity: 'error',
      message: asOf < first.info.effective.from ? `ingen ${id}-regler i kraft ${asOf}; de første træder i kraft ${first.info.effective.from}` : `ingen ${id}-regler i kraft ${asOf}; de seneste gjaldt til og med ${last.info.effective.to ?? '?'}`,
      hint: `"${id}" gælder ${list.map((rs) => `${rs.info.effective.from} – ${rs.info.effective.to ?? '(uden slutdato)'}`).join(', ')}. Vælg en dato i en af perioderne, eller tilføj en ny dateret regelfil.`,
    }),
  ]);
}

/**
 * Loads every rule file (`*.json`, except `*.schema.json`) under `dir`, recursively,
 * and builds a registry; files in a `metoder` folder are methods catalogues, every other
 * file is checked against the declaration of its domain in `options.domains`. All errors
 * of all files are returned together; with any error, nothing is loaded. A missing `dir`
 * is a `file-read` diagnostic naming it as `options.shown` (default `dir`), e.g. the path
 * as the user wrote it.
 */
export function loadRegistry(dir: string, options: { readonly domains: readonly RuleDomain[]; readonly shown?: string }): Result<RuleRegistry> {
  const listed = listJsonFiles(dir, { what: 'regelmappen', shown: options.shown ?? dir });
  if (!listed.ok) return listed;
  const loaded = loadRuleFiles(listed.value, { domains: options.domains, nameOf: (file) => join(basename(dir), relative(dir, file)) });
  if (loaded.errors.length > 0) return fail(loaded.errors);
  return createRegistry(loaded.ruleSets, loaded.kataloger);
}

/** What {@link loadRuleFiles} loaded, and every error of every file. */
export interface LoadedRuleFiles {
  readonly ruleSets: readonly CompiledRuleSet[];
  readonly kataloger: readonly MetodeKatalog[];
  readonly errors: readonly Diagnostic[];
}

/**
 * Loads each file as a rule set (checked against its domain's declaration in
 * `options.domains`) or, in a `metoder` folder, as a methods catalogue.
 * `options.nameOf` gives the name results show for a file (default: its path).
 */
export function loadRuleFiles(files: readonly string[], options: { readonly domains: readonly RuleDomain[]; readonly nameOf?: (file: string) => string }): LoadedRuleFiles {
  const errors: Diagnostic[] = [];
  const ruleSets: CompiledRuleSet[] = [];
  const kataloger: MetodeKatalog[] = [];
  for (const file of files) {
    const name = options.nameOf?.(file);
    if (isMetoderFile(file)) {
      const katalog = loadMetodeKatalogFile(file, name);
      if (katalog.ok) kataloger.push(katalog.value);
      else errors.push(...katalog.errors);
      continue;
    }
    const result = loadRuleSetFile(file, name === undefined ? { domains: options.domains } : { domains: options.domains, name });
    if (result.ok) ruleSets.push(result.value);
    else errors.push(...result.errors);
  }
  return { ruleSets, kataloger, errors };
}

/**
 * Every rule file under a directory, sorted; `dir` itself may also be a single file.
 * @throws BoligsocialError `file-read`, with a Danish diagnostic naming the path, when it cannot be read.
 */
export function listRuleFiles(dir: string): string[] {
  const listed = listJsonFiles(dir);
  if (!listed.ok) throw new BoligsocialError('file-read', `cannot list the rule files in ${dir}`, listed.errors);
  return listed.value;
}

/** A path relative to `base` for display, unless it lies outside it. */
export function displayPath(path: string, base: string): string {
  const rel = relative(base, path);
  return rel.startsWith('..') ? path : rel;
}

function dayAfter(date: IsoDate): IsoDate {
  return addDaysIso(date, 1);
}

function dayBefore(date: IsoDate): IsoDate {
  return addDaysIso(date, -1);
}
