/** What `boligsocial validate` does: see `../commands/validate.ts` for its options and help. */
import { type Diagnostic, formatDiagnostic } from '../../errors.js';
import { renderTable } from '../../format/table.js';
import { createRegistry, displayPath, isUsageProblem, listJsonFiles, type LoadedRuleFiles, loadRuleFiles } from '../../rules/index.js';
import { PACKAGE_VERSION } from '../../version.js';
import { type CliContext, EXIT, reportUsage } from '../io.js';
import { antal } from '../../format/danish.js';

/** The options of `validate`. */
export interface ValidateOptions {
  readonly hashes?: boolean;
  readonly format: string;
}

/** Checks the rule files under `paths` (default the rules in use) and prints every error, and with `--hashes` each file's content hash. */
export function runValidate(paths: string[], options: ValidateOptions, ctx: CliContext): void {
  if (!['table', 'json'].includes(options.format)) return reportUsage(ctx, `--format "${options.format}" kendes ikke`, 'Brug table eller json.');
  const roots = paths.length > 0 ? paths.map(ctx.resolvePath) : [ctx.rulesDir()];
  const errors: Diagnostic[] = [];
  const files: string[] = [];
  for (const root of roots) {
    const listed = listJsonFiles(root, { shown: displayPath(root, ctx.io.cwd), what: 'filen eller mappen' });
    if (listed.ok) files.push(...listed.value);
    else errors.push(...listed.errors);
  }
  const loaded = loadRuleFiles(files, { domains: ctx.domains });
  errors.push(...loaded.errors);
  // versions of one rule set must not overlap or leave gaps: checked across the files given
  const registry = createRegistry(loaded.ruleSets, loaded.kataloger);
  if (!registry.ok) errors.push(...registry.errors);
  const shown = (d: Diagnostic) => (d.file !== undefined ? { ...d, file: displayPath(d.file, ctx.io.cwd) } : d);
  if (options.format === 'json') printJson(ctx, files, errors.map(shown), loaded);
  else {
    for (const d of errors) ctx.io.stdout(`${formatDiagnostic(shown(d))}\n`);
    const badFiles = new Set(errors.map((d) => d.file)).size;
    ctx.io.stdout(
      errors.length === 0
        ? `${antal(files.length, 'regelfil', 'regelfiler')} kontrolleret: ingen fejl\n`
        : `${antal(files.length, 'regelfil', 'regelfiler')} kontrolleret: ${errors.length} fejl i ${antal(badFiles, 'fil', 'filer')}\n`,
    );
    if (options.hashes === true) printHashTable(ctx, files, loaded);
  }
  if (errors.length > 0) ctx.setExitCode(errors.some(isUsageProblem) ? EXIT.usage : EXIT.findings);
}

/** One loaded rule file, as `validate --hashes` lists it. */
interface HashRow {
  readonly file: string;
  readonly id: string;
  readonly version: string;
  readonly domain: string;
  readonly effective: { readonly from: string; readonly to?: string };
  readonly contentHash: string;
}

/** Every loaded rule file (rule sets and methods catalogues), sorted by file. */
function hashRows(ctx: CliContext, files: readonly string[], loaded: LoadedRuleFiles): HashRow[] {
  const shown = (file: string | undefined) => (file === undefined ? '' : displayPath(file, ctx.io.cwd));
  const rows: HashRow[] = [
    ...loaded.ruleSets.map((rs) => ({ file: shown(rs.info.file), id: rs.info.id, version: rs.info.version, domain: rs.info.domain, effective: rs.info.effective, contentHash: rs.info.contentHash })),
    // a catalogue holds from its date until the next one takes effect
    ...loaded.kataloger.map((k) => ({ file: shown(k.file), id: k.id, version: k.version, domain: 'metoder', effective: { from: k.version }, contentHash: k.contentHash })),
  ];
  // in the order the files were listed
  const order = new Map(files.map((f, i) => [displayPath(f, ctx.io.cwd), i]));
  return rows.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
}

function printHashTable(ctx: CliContext, files: readonly string[], loaded: LoadedRuleFiles): void {
  const rows = hashRows(ctx, files, loaded).map((r) => [r.file, r.id, r.version, r.effective.to === undefined ? `fra ${r.effective.from}` : `${r.effective.from} – ${r.effective.to}`, r.contentHash]);
  ctx.io.stdout(`\nRegelfiler (pakkeversion ${PACKAGE_VERSION}):\n`);
  ctx.io.stdout(renderTable([{ header: 'Fil' }, { header: 'Regelsæt' }, { header: 'Version' }, { header: 'I kraft' }, { header: 'SHA-256' }], rows));
}

function printJson(ctx: CliContext, files: readonly string[], errors: readonly Diagnostic[], loaded: LoadedRuleFiles): void {
  const out = { packageVersion: PACKAGE_VERSION, files: files.length, ok: errors.length === 0, errors, ruleSets: hashRows(ctx, files, loaded) };
  ctx.io.stdout(`${JSON.stringify(out, null, 2)}\n`);
}
