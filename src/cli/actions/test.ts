/** What `boligsocial test` does: see `../commands/test.ts` for its options and help. */
import { statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { type Diagnostic, formatDiagnostic } from '../../errors.js';
import { antal, formatSandhed } from '../../format/danish.js';
import { displayPath, isUsageProblem, listJsonFiles } from '../../rules/index.js';
import { CoverageCollector, type CoverageGap, type JsonValue, runScenarioFile, type ScenarioResult, scenarioRules, type UntestedVersion } from '../../scenarios/index.js';
import { type CliContext, EXIT } from '../io.js';

/** The options of `test`. */
export interface TestOptions {
  readonly strict?: boolean;
}

/** Blocked scenarios named one by one up to this many; beyond it, counted per folder. */
const NAMED = 5;
/** Folders listed one by one up to this many; beyond it, counted per top folder. */
const FOLDERS = 8;

/** Runs the scenarios under `dir` (or the one file) and prints failures and coverage. */
export function runTest(dir: string, options: TestOptions, ctx: CliContext): void {
  const root = ctx.resolvePath(dir);
  const listed = listJsonFiles(root, { shown: dir, what: 'scenariemappen' });
  if (!listed.ok) {
    for (const d of listed.errors) ctx.io.stderr(`${formatDiagnostic(d)}\n`);
    ctx.setExitCode(EXIT.usage);
    return;
  }
  const single = !statSync(root).isDirectory();
  const base = single ? dirname(root) : root;
  const files = listed.value;
  const rules = scenarioRules(ctx.registry, ctx.domains);
  const coverage = new CoverageCollector();
  const shared = new Map<string, { readonly diagnostic: Diagnostic; readonly scenarios: string[] }>();
  let passed = 0;
  let failed = 0;
  let notRun = 0;
  for (const file of files) {
    const result = runScenarioFile(file, rules);
    coverage.recordScenario(result);
    if (result.passed) {
      passed++;
      continue;
    }
    failed++;
    if (result.errors.length > 0) notRun++;
    // a scenario whose file or "rules" directory cannot be read is a usage error
    if (result.errors.some(isUsageProblem)) ctx.setExitCode(EXIT.usage);
    if (result.blockedByRules === true) {
      for (const d of result.errors) {
        const shown = located(d, ctx.io.cwd);
        const key = formatDiagnostic(shown);
        const entry = shared.get(key) ?? { diagnostic: shown, scenarios: [] };
        entry.scenarios.push(relative(base, file));
        shared.set(key, entry);
      }
      continue;
    }
    reportFailure(result, ctx);
  }
  reportShared([...shared.values()], ctx);
  ctx.io.stdout(`${files.length} scenarier: ${passed} bestået, ${failed} fejlet\n`);
  if (single) {
    // one file says nothing about coverage: the rest of the versions and conditions would all be gaps
    ctx.io.stdout('Dækningen vises, når du kører en mappe med scenarier.\n');
    if (failed > 0) ctx.setExitCode(EXIT.findings);
    return;
  }
  const untested = coverage.untested();
  const gaps = coverage.gaps();
  const total = coverage.ruleSets().length;
  if (untested.length > 0) {
    ctx.io.stdout(`Regelsætversioner uden scenarier: ${untested.length}\n`);
    for (const u of untested) ctx.io.stdout(`  ${untestedLine(u, ctx.io.cwd)}\n`);
  }
  if (notRun > 0) {
    ctx.io.stdout(`Betingelsesdækning: ikke vurderet, fordi ${antal(notRun, 'scenarie', 'scenarier')} ikke kunne køre${gaps.length > 0 ? `; blandt de kørte er ${antal(gaps.length, 'betingelse', 'betingelser')} ikke set både opfyldt og ikke opfyldt:` : ''}\n`);
    for (const g of gaps) ctx.io.stdout(`  ${gapLine(g, ctx.io.cwd)}\n`);
  } else if (gaps.length === 0 && untested.length === 0) {
    ctx.io.stdout(`Betingelsesdækning: fuld (alle betingelser i ${antal(total, 'regelsætversion', 'regelsætversioner')} set både opfyldt og ikke opfyldt)\n`);
  } else if (gaps.length === 0) {
    ctx.io.stdout(`Betingelsesdækning: alle betingelser i de ${total} brugte regelsætversioner set både opfyldt og ikke opfyldt, men ${antal(untested.length, 'version', 'versioner')} er ikke afprøvet\n`);
  } else {
    ctx.io.stdout(`Betingelsesdækning: ${antal(gaps.length, 'betingelse', 'betingelser')} ikke set både opfyldt og ikke opfyldt:\n`);
    for (const g of gaps) ctx.io.stdout(`  ${gapLine(g, ctx.io.cwd)}\n`);
  }
  if (failed > 0 || (options.strict === true && (gaps.length > 0 || untested.length > 0))) ctx.setExitCode(EXIT.findings);
}

function located(d: Diagnostic, cwd: string): Diagnostic {
  return d.file !== undefined ? { ...d, file: displayPath(d.file, cwd) } : d;
}

function reportFailure(result: ScenarioResult, ctx: CliContext): void {
  ctx.io.stdout(`FEJLET ${displayPath(result.file, ctx.io.cwd)}: ${result.description}\n`);
  for (const d of result.errors) ctx.io.stdout(`  ${formatDiagnostic(located(d, ctx.io.cwd))}\n`);
  for (const m of result.mismatches) ctx.io.stdout(`  ${m.rule}: forventede ${show(m.expected)}, fik ${show(m.actual)}\n`);
}

/**
 * Faults of rules that do not load, each once, then the scenarios they blocked: faults
 * blocking the same scenarios are shown together.
 */
function reportShared(faults: readonly { readonly diagnostic: Diagnostic; readonly scenarios: readonly string[] }[], ctx: CliContext): void {
  const groups = new Map<string, { readonly diagnostics: Diagnostic[]; readonly scenarios: readonly string[] }>();
  for (const f of faults) {
    const key = f.scenarios.join('\u0000');
    const group = groups.get(key) ?? { diagnostics: [], scenarios: f.scenarios };
    group.diagnostics.push(f.diagnostic);
    groups.set(key, group);
  }
  for (const g of groups.values()) {
    const n = g.diagnostics.length;
    ctx.io.stdout(`FEJL i regelfilerne (${n} fejl; reglerne indlæses ikke):\n`);
    for (const d of g.diagnostics) ctx.io.stdout(`  ${formatDiagnostic(d)}\n`);
    ctx.io.stdout(`  Blokerede ${antal(g.scenarios.length, 'scenarie', 'scenarier')}: ${compactNames(g.scenarios)}\n`);
  }
}

/** Scenario names: all of them when few, else a count per folder (per top folder when there are many folders). */
function compactNames(scenarios: readonly string[]): string {
  if (scenarios.length <= NAMED) return scenarios.join(', ');
  const count = (folderOf: (s: string) => string) => {
    const perFolder = new Map<string, number>();
    for (const s of scenarios) perFolder.set(folderOf(s), (perFolder.get(folderOf(s)) ?? 0) + 1);
    return perFolder;
  };
  let perFolder = count(dirname);
  if (perFolder.size > FOLDERS) perFolder = count((s) => (s.includes(sep) ? (s.split(sep)[0] as string) : '.'));
  return [...perFolder].map(([folder, n]) => `${folder === '.' ? '(mappen selv)' : `${folder}${sep}`} (${n})`).join(', ');
}

function show(v: JsonValue): string {
  if (v === null || typeof v === 'boolean') return formatSandhed(v);
  if (Array.isArray(v)) return `[${v.map((x) => show(x as JsonValue)).join(', ')}]`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function untestedLine(u: UntestedVersion, cwd: string): string {
  const what = `${u.ruleSet} ${u.version}: intet scenarie bruger denne version`;
  return u.file === undefined ? what : `${displayPath(u.file, cwd)} (${what})`;
}

function gapLine(g: CoverageGap, cwd: string): string {
  const never = !g.seenTrue && !g.seenFalse ? 'aldrig afgjort' : !g.seenTrue ? 'aldrig opfyldt' : 'aldrig ikke opfyldt';
  if (g.file === undefined) return `${g.ruleSet} ${g.version} ${g.pointer}: ${never}`;
  const where = g.line !== undefined && g.column !== undefined ? `:${g.line}:${g.column}` : '';
  return `${displayPath(g.file, cwd)}${where} ${g.pointer}: ${never}`;
}
