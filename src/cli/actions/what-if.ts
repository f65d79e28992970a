/**
 * The two sides of `compare` and `sensitivity` read from their options (see
 * `../commands/what-if.ts`): the before side's rules, the after side's rules, changed
 * parameters and names switched off, and the Danish description of each side.
 */
import { resolve } from 'node:path';
import { describeChanges } from '../../answers/index.js';
import { parameterChangeFromSetting, parseParameterSetting, type SideDescription, type WhatIfSides } from '../../compare/index.js';
import { formatDiagnostic, type Diagnostic } from '../../errors.js';
import { bundledRulesDir, deriveRegistry, displayPath, isUsageProblem, loadRegistry, type ParameterChange, type RuleRegistry } from '../../rules/index.js';
import { type CliContext, EXIT } from '../io.js';

/** The options of the after side. */
export interface WhatIfCliOptions {
  beforeRules?: string;
  afterRules?: string;
  afterSet: string[];
  afterDisable: string[];
}

/** Prints diagnostics with their files shown relative to the working directory. */
export function printDiagnostics(ctx: CliContext, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) ctx.io.stderr(`${formatDiagnostic(d.file !== undefined ? { ...d, file: displayPath(d.file, ctx.io.cwd) } : d)}\n`);
}

/**
 * The registry of a rules directory given on the command line, loaded against the CLI's
 * domains; its errors printed when it does not load (exit 2 when the directory cannot be
 * read, else 1).
 */
export function loadRulesOption(ctx: CliContext, dir: string): RuleRegistry | undefined {
  const loaded = loadRegistry(resolve(ctx.io.cwd, dir), { domains: ctx.domains, shown: dir });
  if (loaded.ok) return loaded.value;
  printDiagnostics(ctx, loaded.errors);
  if (loaded.errors.some(isUsageProblem)) {
    ctx.setExitCode(EXIT.usage);
    return undefined;
  }
  ctx.io.stderr(`fejl: regelfilerne i ${dir} kan ikke indlæses\n`);
  ctx.setExitCode(EXIT.findings);
  return undefined;
}

/** A registry and what it is, in Danish. */
interface RulesChoice {
  readonly rules: RuleRegistry;
  readonly regler: string;
}

function rulesOf(ctx: CliContext, dir: string | undefined, fallback: () => RulesChoice): RulesChoice | undefined {
  if (dir === undefined) return fallback();
  const rules = loadRulesOption(ctx, dir);
  return rules === undefined ? undefined : { rules, regler: `reglerne i ${dir}` };
}

/** Reads `--after-set` settings as changes against `rules`; problems printed (exit 2: they are arguments). */
export function parameterChanges(ctx: CliContext, rules: RuleRegistry, settings: readonly string[]): ParameterChange[] | undefined {
  const changes: ParameterChange[] = [];
  const errors: Diagnostic[] = [];
  for (const text of settings) {
    const setting = parseParameterSetting(text);
    const change = setting.ok ? parameterChangeFromSetting(rules, setting.value) : setting;
    if (change.ok) changes.push(change.value);
    else errors.push(...change.errors.map((d) => ({ ...d, message: `--after-set ${text}: ${d.message}` })));
  }
  if (errors.length === 0) return changes;
  printDiagnostics(ctx, errors);
  ctx.setExitCode(EXIT.usage);
  return undefined;
}

/** The two sides the options describe, or undefined when rules or settings cannot be used (already reported). */
export function whatIfSides(ctx: CliContext, options: WhatIfCliOptions): { readonly sides: WhatIfSides; readonly descriptions: { readonly foer: SideDescription; readonly efter: SideDescription } } | undefined {
  const inUse = (): RulesChoice => ({ rules: ctx.registry(), regler: ctx.rulesDir() === bundledRulesDir() ? 'pakkens regler' : `reglerne i ${displayPath(ctx.rulesDir(), ctx.io.cwd)}` });
  const before = rulesOf(ctx, options.beforeRules, inUse);
  if (before === undefined) return undefined;
  const base = rulesOf(ctx, options.afterRules, () => before);
  if (base === undefined) return undefined;
  const changes = parameterChanges(ctx, base.rules, options.afterSet);
  if (changes === undefined) return undefined;
  let afterRules = base.rules;
  if (changes.length > 0) {
    const derived = deriveRegistry(base.rules, changes, { domains: ctx.domains });
    if (!derived.ok) {
      printDiagnostics(ctx, derived.errors.map((d) => ({ ...d, message: `--after-set: ${d.message}` })));
      ctx.setExitCode(EXIT.usage);
      return undefined;
    }
    afterRules = derived.value;
  }
  const parametre = describeChanges(base.rules, changes);
  return {
    sides: { before: { rules: before.rules }, after: { rules: afterRules, disable: options.afterDisable } },
    descriptions: {
      foer: { regler: before.regler },
      efter: { regler: base.regler, ...(parametre !== undefined && parametre.length > 0 ? { parametre } : {}), ...(options.afterDisable.length > 0 ? { slaaetFra: options.afterDisable } : {}) },
    },
  };
}
