/**
 * The `boligsocial` command. `main(argv, io)` resolves to the exit code, so it runs
 * in-process in tests; only `bin.ts` touches `process`. Thin: every command calls the
 * package's public functions. Start-up loads only what parsing and help need: each
 * command is registered with its options and help text (`commands/`), and its action
 * imports its implementation (`actions/`) when it runs.
 */
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { BoligsocialError, formatDiagnostic } from '../errors.js';
import { escapeTerminal } from '../format/terminal.js';
import { bundledRulesDir, displayPath, isUsageProblem, type RuleDomain, type RuleRegistry } from '../rules/index.js';
import { bundledRegistry, loadRegistry, SHIPPED_DOMAINS } from '../shipped.js';
import { PACKAGE_VERSION } from '../version.js';
import { registerClassifyCommand } from './commands/classify.js';
import { registerCompareCommand } from './commands/compare.js';
import { registerDiffRulesCommand } from './commands/diff-rules.js';
import { registerFinancingCommand } from './commands/financing.js';
import { registerLifecycleCommand } from './commands/lifecycle.js';
import { registerSchemaCommand } from './commands/schema.js';
import { registerScreenCommand } from './commands/screen.js';
import { registerServeCommands } from './commands/serve.js';
import { registerSensitivityCommand } from './commands/sensitivity.js';
import { registerTestCommand } from './commands/test.js';
import { registerValidateCommand } from './commands/validate.js';
import { commanderDiagnostic, examples, useDanish } from './commander-danish.js';
import { type CliContext, type CliIo, EXIT } from './io.js';

/** Error codes that mean the command line itself is wrong (exit code 2): a bad option value, a --disable name no rule has. */
const USAGE_CODES: ReadonlySet<string> = new Set(['cli-usage', 'unknown-disable-id']);

/** What the CLI is told besides its arguments and io. */
export interface CliOptions {
  /** The domains rule files may belong to (default the package's own): tests add the engine's test domain. */
  readonly domains?: readonly RuleDomain[];
}

/** Runs the CLI with `argv` (arguments only, without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], outerIo: CliIo, options: CliOptions = {}): Promise<number> {
  const domains = options.domains ?? SHIPPED_DOMAINS;
  // everything on stderr is text for people: no control character from input reaches the terminal
  const io: CliIo = { ...outerIo, stderr: (text) => outerIo.stderr(escapeTerminal(text)) };
  let exitCode: number = EXIT.ok;
  const program = useDanish(new Command('boligsocial'), PACKAGE_VERSION)
    .description('fsb\'s boligsociale regler: valider regelfiler, kør scenarier, klassificér, screen, følg indsatser og fordel finansiering')
    .option('--rules <mappe>', 'brug regelfilerne i denne mappe i stedet for pakkens egne')
    .exitOverride()
    // commander's own (English) error text is replaced by a Danish diagnostic below
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .addHelpText('after', '\nAfslutningskoder:\n  0  i orden\n  1  fund: ugyldige regler, fejlede scenarier, rækker med fejl\n  2  forkert brug, eller en fil der ikke kan læses')
    .addHelpText('after', examples('boligsocial validate', 'boligsocial screen --help # hjælp til én kommando', 'boligsocial --rules ../mine-regler test # scenarierne mod en kopi af reglerne'));
  // the command being parsed, so a usage error can point to its help
  let active: Command = program;
  program.hook('preSubcommand', (_program, sub) => {
    active = sub;
  });

  let registry: RuleRegistry | undefined;
  const ctx: CliContext = {
    io,
    domains,
    resolvePath: (p) => resolve(io.cwd, p),
    registry: () => {
      if (registry === undefined) {
        const dir = program.opts<{ rules?: string }>().rules;
        if (dir === undefined) registry = bundledRegistry();
        else {
          const loaded = loadRegistry(resolve(io.cwd, dir), { domains, shown: dir });
          if (!loaded.ok) throw new BoligsocialError(loaded.errors[0]?.code ?? 'schema', `the rules in ${dir} do not load`, loaded.errors);
          registry = loaded.value;
        }
      }
      return registry;
    },
    rulesDir: () => {
      const dir = program.opts<{ rules?: string }>().rules;
      return dir === undefined ? bundledRulesDir() : resolve(io.cwd, dir);
    },
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  };

  registerValidateCommand(program, ctx);
  registerSchemaCommand(program, ctx);
  registerTestCommand(program, ctx);
  registerClassifyCommand(program, ctx);
  registerScreenCommand(program, ctx);
  registerLifecycleCommand(program, ctx);
  registerFinancingCommand(program, ctx);
  registerCompareCommand(program, ctx);
  registerDiffRulesCommand(program, ctx);
  registerSensitivityCommand(program, ctx);
  registerServeCommands(program, ctx);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      io.stderr(`${formatDiagnostic(commanderDiagnostic(error, commandPath(active)))}\n`);
      return EXIT.usage;
    }
    if (error instanceof BoligsocialError) {
      for (const d of error.diagnostics) io.stderr(`${formatDiagnostic(d.file !== undefined ? { ...d, file: displayPath(d.file, io.cwd) } : d)}\n`);
      // a programmer-facing error without a diagnostic: say so in Danish, keep its (English) text for the report
      if (error.diagnostics.length === 0) io.stderr(`error ${error.code} kommandoen kunne ikke gennemføres — teknisk besked til en udvikler: ${error.message}\n`);
      return isUsageProblem(error) || error.diagnostics.some(isUsageProblem) || USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.findings;
    }
    throw error;
  }
  return exitCode;
}

/** "boligsocial screen": the names from the program down to `command`. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
