/**
 * The `boligsocial` command. `main(argv, io)` returns the exit code, so it runs
 * in-process in tests; only `bin.ts` touches `process`. Thin: every command calls the
 * package's public functions.
 */
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { BoligsocialError, formatDiagnostic } from '../errors.js';
import { bundledRegistry, bundledRulesDir } from '../rules/bundled.js';
import { displayPath, loadRegistry, type RuleRegistry } from '../rules/registry.js';
import { registerClassifyCommand } from './commands/classify.js';
import { registerCompareCommand } from './commands/compare.js';
import { registerDiffRulesCommand } from './commands/diff-rules.js';
import { registerFinancingCommand } from './commands/financing.js';
import { registerLifecycleCommand } from './commands/lifecycle.js';
import { registerSchemaCommand } from './commands/schema.js';
import { registerScreenCommand } from './commands/screen.js';
import { registerSensitivityCommand } from './commands/sensitivity.js';
import { registerTestCommand } from './commands/test.js';
import { registerValidateCommand } from './commands/validate.js';
import { type CliContext, type CliIo, EXIT } from './io.js';

/** Runs the CLI with `argv` (arguments only, without node and script) and returns the exit code. */
export function main(argv: readonly string[], io: CliIo): number {
  let exitCode: number = EXIT.ok;
  const program = new Command('boligsocial')
    .description('fsb\'s boligsociale regler: valider regelfiler, kør scenarier, klassificér, screen, følg indsatser og fordel finansiering')
    .option('--rules <dir>', 'brug regelfilerne i denne mappe i stedet for pakkens egne')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(brug --help for at se mulighederne)');

  let registry: RuleRegistry | undefined;
  const ctx: CliContext = {
    io,
    resolvePath: (p) => resolve(io.cwd, p),
    registry: () => {
      if (registry === undefined) {
        const dir = program.opts<{ rules?: string }>().rules;
        if (dir === undefined) registry = bundledRegistry();
        else {
          const loaded = loadRegistry(resolve(io.cwd, dir));
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

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof BoligsocialError) {
      for (const d of error.diagnostics) io.stderr(`${formatDiagnostic(d.file !== undefined ? { ...d, file: displayPath(d.file, io.cwd) } : d)}\n`);
      if (error.diagnostics.length === 0) io.stderr(`fejl: ${error.message}\n`);
      return error.code === 'cli-usage' ? EXIT.usage : EXIT.findings;
    }
    throw error;
  }
  return exitCode;
}
