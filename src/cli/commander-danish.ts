/**
 * Commander in Danish: the help layout's headings and terms, the built-in help and version
 * options, examples under a command's help, and commander's parse errors as Danish
 * diagnostics. Only commander's public API is used: `configureHelp` (any Help method may be
 * overridden), `helpOption`, `helpCommand`, `version`, `addHelpText`, `configureOutput` and
 * the `code` of a `CommanderError` thrown through `exitOverride`.
 */
import { type Argument, type Command, type CommanderError, Help, type HelpConfiguration, type Option } from 'commander';
import { type Diagnostic, diagnostic } from '../errors.js';

/** The headings commander's help prints, in Danish. */
const TITLES: ReadonlyMap<string, string> = new Map([
  ['Usage:', 'Brug:'],
  ['Arguments:', 'Argumenter:'],
  ['Options:', 'Tilvalg:'],
  ['Global Options:', 'Globale tilvalg:'],
  ['Commands:', 'Kommandoer:'],
]);

/** The placeholders commander puts in a usage line. */
function danishUsage(usage: string): string {
  return usage.replace(/\[options\]/g, '[tilvalg]').replace(/\[command\]/g, '[kommando]');
}

/** What an option's or argument's description ends with: påkrævet, its choices, its default. */
function extras(choices: readonly string[] | undefined, defaultValue: unknown, defaultDescription: string | undefined, showDefault: boolean, required: boolean): string[] {
  const out: string[] = [];
  if (required) out.push('påkrævet');
  if (choices !== undefined) out.push(`valg: ${choices.join(', ')}`);
  const empty = defaultValue === undefined || (Array.isArray(defaultValue) && defaultValue.length === 0);
  if (showDefault && !empty) out.push(`standard: ${defaultDescription ?? (typeof defaultValue === 'string' ? defaultValue : JSON.stringify(defaultValue))}`);
  return out;
}

/** `description (a; b)`, or the description alone. */
function withExtras(description: string, info: readonly string[]): string {
  if (info.length === 0) return description;
  return `${description}${description === '' ? '' : ' '}(${info.join('; ')})`;
}

/**
 * The help configuration: Danish headings and usage placeholders, each option's and
 * argument's description followed by "(påkrævet)", its choices and its default in Danish,
 * and the program's own options (`--rules`) shown in every command's help too.
 */
export const DANISH_HELP: HelpConfiguration = {
  showGlobalOptions: true,
  styleTitle: (title: string) => TITLES.get(title) ?? title,
  commandUsage(this: Help, cmd: Command): string {
    return danishUsage(Help.prototype.commandUsage.call(this, cmd));
  },
  subcommandTerm(this: Help, cmd: Command): string {
    return danishUsage(Help.prototype.subcommandTerm.call(this, cmd));
  },
  optionDescription(option: Option): string {
    // a default of a flag without a value (e.g. false) says nothing to a person
    const showDefault = option.required || option.optional;
    return withExtras(option.description, extras(option.argChoices, option.defaultValue, option.defaultValueDescription, showDefault, option.mandatory));
  },
  argumentDescription(argument: Argument): string {
    return withExtras(argument.description, extras(argument.argChoices, argument.defaultValue, argument.defaultValueDescription, true, argument.required));
  },
};

/**
 * Makes `program` speak Danish: call before its subcommands are added, which inherit the
 * help configuration, the help option and the help command.
 */
export function useDanish(program: Command, version: string): Command {
  return program
    .configureHelp(DANISH_HELP)
    .helpOption('-h, --help', 'vis hjælp til kommandoen')
    .helpCommand('help [kommando]', 'vis hjælp til en kommando')
    .version(version, '-V, --version', 'vis versionsnummeret');
}

/**
 * The "Eksempel:" block (or "Eksempler:") for under a command's help, for
 * `.addHelpText('after', examples(…))`: one command line per entry, as run from the
 * repository's root; a Danish comment after " # " is shown on the line above its command.
 */
export function examples(...lines: readonly string[]): string {
  const shown = lines.map((l) => {
    const [cmd = '', comment] = l.split(' # ');
    return comment === undefined ? `  $ ${cmd}` : `  # ${comment}\n  $ ${cmd}`;
  });
  return `\n${lines.length === 1 ? 'Eksempel' : 'Eksempler'}:\n${shown.join('\n')}`;
}

/** The command lines of the {@link examples} in a help text (without "$ "). */
export function exampleCommands(helpText: string): string[] {
  return [...helpText.matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1] ?? '');
}

/** The quoted values of a commander message, in order: `error: unknown option '--x'` → ['--x']. */
function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
}

/** commander's "(Did you mean --as-of?)" / "(Did you mean one of a, b?)" as a Danish hint. */
function suggestion(message: string): string | undefined {
  const m = /\(Did you mean (?:one of )?(.+)\?\)/.exec(message);
  return m?.[1] === undefined ? undefined : `Mente du ${m[1].split(', ').join(' eller ')}?`;
}

/** commander's "Allowed choices are a, b." as the list of choices. */
function allowedChoices(message: string): string | undefined {
  return /Allowed choices are (.+)\.$/m.exec(message)?.[1];
}

interface Worded {
  readonly message: string;
  readonly hint?: string;
}

function worded(message: string, hint: string | undefined): Worded {
  return hint === undefined ? { message } : { message, hint };
}

function message(error: CommanderError): Worded {
  const [first = '', second = ''] = quoted(error.message);
  switch (error.code) {
    case 'commander.unknownOption':
      return worded(`ukendt tilvalg ${first}`, suggestion(error.message));
    case 'commander.unknownCommand':
      return worded(`ukendt kommando ${first}`, suggestion(error.message));
    case 'commander.missingArgument':
      return { message: `argumentet <${first}> mangler` };
    case 'commander.optionMissingArgument':
      return { message: `tilvalget ${first} mangler sin værdi` };
    case 'commander.missingMandatoryOptionValue':
      return { message: `det påkrævede tilvalg ${first} er ikke angivet` };
    case 'commander.conflictingOption':
      return { message: `${first} kan ikke bruges sammen med ${second}` };
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(error.message);
      const expected = counts?.[1] ?? '?';
      return { message: `for mange argumenter: kommandoen tager ${expected === '1' ? 'ét argument' : `${expected} argumenter`}, men fik ${counts?.[2] ?? 'flere'}` };
    }
    case 'commander.invalidArgument': {
      const choices = allowedChoices(error.message);
      // "option '--x <v>' argument 'v' is invalid" or "command-argument value 'v' is invalid for argument 'a'"
      const isOption = error.message.includes("error: option '");
      const value = isOption ? second : first;
      const what = isOption ? `tilvalget ${first}` : `argumentet <${second}>`;
      return worded(`ugyldig værdi "${value}" til ${what}`, choices === undefined ? undefined : `Mulige værdier: ${choices}.`);
    }
    case 'commander.help':
      // the help has just been printed on stderr: no command, or `help` with an unknown one
      return { message: 'angiv en af kommandoerne ovenfor' };
    default:
      return { message: 'kommandolinjen kan ikke forstås' };
  }
}

/**
 * A commander parse error as a Danish usage diagnostic, with the way to the help of the
 * command it concerns (`boligsocial screen --help`).
 */
export function commanderDiagnostic(error: CommanderError, commandPath: string): Diagnostic {
  const m = message(error);
  const help = `Se "${commandPath} --help".`;
  return diagnostic({ code: 'cli-usage', severity: 'error', message: m.message, hint: m.hint === undefined ? help : `${m.hint} ${help}` });
}
