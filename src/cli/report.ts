/** `--format html` and `-o <fil>`: where an HTML report goes (standard output or a file). */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type CliContext, EXIT, reportUsage } from './io.js';

/** The option every command with an HTML report has. */
export interface ReportOutputOptions {
  readonly output?: string;
}

/** Adds `-o, --output <fil>` to a command with `--format html`. */
export function addReportOutputOption(command: Command): Command {
  return command.option('-o, --output <fil>', 'skriv HTML-rapporten til filen i stedet for standard output (med --format html)');
}

/**
 * Checks `--format` against the formats a command knows and `-o` against the format
 * (a file only for the HTML report); reports a usage error and returns false when wrong.
 */
export function checkFormat(ctx: CliContext, format: string, known: readonly string[], output: string | undefined): boolean {
  if (!known.includes(format)) {
    reportUsage(ctx, `--format "${format}" kendes ikke`, `Brug ${known.slice(0, -1).join(', ')} eller ${known[known.length - 1] ?? ''}.`);
    return false;
  }
  if (output !== undefined && format !== 'html') {
    reportUsage(ctx, '-o/--output bruges kun med --format html', 'Skriv --format html, eller send de andre formater videre med > fil.');
    return false;
  }
  return true;
}

/** Writes an HTML report to standard output, or to the file `-o` names (and says so). */
export function writeReport(ctx: CliContext, page: string, output: string | undefined): void {
  if (output === undefined) {
    ctx.io.stdout(page);
    return;
  }
  try {
    writeFileSync(ctx.resolvePath(output), page, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : 'ukendt fejl';
    reportUsage(ctx, `kunne ikke skrive ${output} (${reason})`, 'Vælg en fil i en mappe der findes, og som du må skrive i.');
    ctx.setExitCode(EXIT.usage);
    return;
  }
  ctx.io.stdout(`skrev ${output}\n`);
}
