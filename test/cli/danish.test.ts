/**
 * Every word a CLI user reads is Danish: the help of every command, and every usage error
 * commander can be provoked into. The English phrases commander prints are taken from its
 * source (node_modules/commander/lib), and a test checks that the list still covers every
 * message there, so an upgrade of commander cannot slip English past this test.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleCommands } from '../../src/cli/commander-danish.js';
import { runCli } from '../support/cli.js';

/** What commander 14 prints in English (node_modules/commander/lib/*.js). */
const ENGLISH = [
  'error:',
  'Usage:',
  'Arguments:',
  'Options:',
  'Global Options:',
  'Commands:',
  'display help for command',
  'output the version number',
  '[options]',
  '[command]',
  'default:',
  'choices:',
  'preset:',
  'env:',
  'Did you mean',
  'Allowed choices are',
  'unknown option',
  'unknown command',
  'missing required argument',
  'required option',
  'not specified',
  'argument missing',
  'too many arguments',
  'Expected',
  'but got',
  'is invalid',
  'cannot be used with',
  'command-argument value',
  'environment variable',
  '(outputHelp)',
] as const;

const commanderLib = join(dirname(createRequire(import.meta.url).resolve('commander')), 'lib');
const commanderSource = readdirSync(commanderLib)
  .filter((f) => f.endsWith('.js'))
  .map((f) => readFileSync(join(commanderLib, f), 'utf8'))
  .join('\n');

function expectDanish(text: string, context: string): void {
  for (const phrase of ENGLISH) expect(text, `${context}: "${phrase}" in\n${text}`).not.toContain(phrase);
}

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** The subcommands the program's help lists (all but `help`). */
async function commands(): Promise<string[]> {
  const help = (await runCli(['--help'])).stdout;
  const section = help.split('Kommandoer:\n')[1]?.split('\n\n')[0] ?? '';
  return [...section.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1] ?? '').filter((c) => c !== 'help');
}

interface Usage {
  readonly args: string[];
  /** The last argument takes any number of values. */
  readonly variadic: boolean;
  readonly required: { flag: string; value: string }[];
  readonly valueOption?: string;
}

/**
 * The commands that run something, as their argv prefix: each command, and for a command
 * with subcommands (`compare`, `sensitivity`) each subcommand instead.
 */
async function leafCommands(): Promise<string[][]> {
  const leaves: string[][] = [];
  for (const command of await commands()) {
    const help = (await runCli([command, '--help'])).stdout;
    const section = help.split('Kommandoer:\n')[1]?.split('\n\n')[0];
    if (section === undefined) leaves.push([command]);
    else leaves.push(...[...section.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1] ?? '').filter((c) => c !== 'help').map((sub) => [command, sub]));
  }
  return leaves;
}

/** What a command's help says it needs: its required arguments and options, and an option taking a value. */
async function usageOf(command: readonly string[]): Promise<Usage> {
  const help = (await runCli([...command, '--help'])).stdout;
  expectDanish(help, `${command.join(' ')} --help`);
  const usage = new RegExp(`^Brug: boligsocial ${command.join(' ')} (.*)$`, 'm').exec(help)?.[1] ?? '';
  const args = [...usage.matchAll(/<([^>]+)>/g)].map((m) => `x-${m[1] ?? ''}`);
  const flags = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1] ?? '');
  // every required option of the shipped commands takes a date
  const required = flags.filter((f) => helpOf(help, f).includes('(påkrævet')).map((flag) => ({ flag, value: '2024-12-01' }));
  const valueOption = /^ {2}(?:-\w, )?(--[a-z-]+) <[^>]+>/m.exec(help)?.[1];
  return { args, variadic: usage.includes('...'), required, ...(valueOption !== undefined ? { valueOption } : {}) };
}

/** The description of one option in a help text, continuation lines included. */
function helpOf(help: string, flag: string): string {
  const lines = help.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^ {2}(?:-\\w, )?${flag}\\b`).test(l));
  if (at < 0) return '';
  const out = [lines[at] ?? ''];
  for (const l of lines.slice(at + 1)) {
    if (!/^ {5,}\S/.test(l)) break;
    out.push(l.trim());
  }
  return out.join(' ');
}

describe('commander in Danish', () => {
  it('the English list is commander 14 source: every phrase is in it, and it covers every error message there', () => {
    for (const phrase of ENGLISH) expect(commanderSource, phrase).toContain(phrase);
    const messages = [...commanderSource.matchAll(/`(error: [^`]*)`/g)].map((m) => m[1] ?? '');
    expect(messages.length).toBeGreaterThan(8);
    for (const m of messages) expect(ENGLISH.filter((p) => p !== 'error:' && m.includes(p)), m).not.toEqual([]);
  });

  it('lists the commands it checks', async () => {
    expect(await commands()).toEqual(expect.arrayContaining(['validate', 'schema', 'test', 'classify', 'forecast', 'screen', 'lifecycle', 'financing']));
  });

  it('prints the program help in Danish, with exit codes and examples', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Brug: boligsocial \[tilvalg\] \[kommando\]/);
      expect(run.stdout).toContain('Kommandoer:');
      expect(run.stdout).toContain('-V, --version    ');
      expect(run.stdout).toContain('Afslutningskoder:');
      expect(run.stdout).toMatch(/Eksemp(?:el|ler):/);
      expectDanish(run.stdout, argv.join(' '));
    }
  });

  it('prints every command\'s help in Danish, with an example, required options marked', async () => {
    for (const command of await commands()) {
      for (const argv of [[command, '--help'], ['help', command]]) {
        const run = await runCli(argv);
        expect(run.code, argv.join(' ')).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^Brug: boligsocial ${command} `));
        expect(run.stdout).toMatch(/\nEksemp(?:el|ler):\n {2}(# .*\n {2})?\$ boligsocial /);
        expectDanish(run.stdout, argv.join(' '));
      }
    }
    expect(helpOf((await runCli(['screen', '--help'])).stdout, '--as-of')).toContain('(påkrævet)');
    expect(helpOf((await runCli(['lifecycle', '--help'])).stdout, '--as-of')).toContain('(påkrævet)');
    expect(helpOf((await runCli(['forecast', '--help'])).stdout, '--listedato')).toContain('(påkrævet)');
    expect(helpOf((await runCli(['screen', '--help'])).stdout, '--format')).not.toContain('påkrævet');
  });

  it('prints the version from package.json', async () => {
    for (const flag of ['--version', '-V']) {
      const run = await runCli([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${VERSION}\n`);
    }
  });

  it('prints the version from the built package too', () => {
    expect(existsSync('dist/cli.js'), 'run npm run build first').toBe(true);
    expect(execFileSync(process.execPath, ['dist/cli.js', '--version'], { encoding: 'utf8' })).toBe(`${VERSION}\n`);
  });
});

describe('usage errors: Danish, with a hint, exit code 2', () => {
  async function expectUsageError(argv: string[], message: RegExp): Promise<void> {
    const run = await runCli(argv);
    const context = `boligsocial ${argv.join(' ')}`;
    expect(run.code, `${context}\n${run.stderr}`).toBe(2);
    expect(run.stderr, context).toMatch(/fejl cli-usage /);
    expect(run.stderr, context).toMatch(message);
    expect(run.stderr, context).toMatch(/Se "boligsocial( [a-z-]+){0,2} --help"\./);
    expectDanish(run.stdout + run.stderr, context);
  }

  it('no command, an unknown command, help for an unknown command', async () => {
    await expectUsageError([], /angiv en af kommandoerne/);
    await expectUsageError(['scren'], /ukendt kommando scren — Mente du screen\?/);
    await expectUsageError(['help', 'findes-ikke'], /angiv en af kommandoerne/);
  });

  it('an unknown option, an option without its value, on the program', async () => {
    await expectUsageError(['--findes-ikke', 'validate'], /ukendt tilvalg --findes-ikke/);
    await expectUsageError(['--rule', 'x', 'validate'], /ukendt tilvalg --rule — Mente du --rules\?/);
    await expectUsageError(['--rules'], /tilvalget --rules <mappe> mangler sin værdi/);
  });

  it('an invalid choice', async () => {
    await expectUsageError(['schema', 'regler'], /ugyldig værdi "regler" til argumentet <art> — Mulige værdier: rule-set, scenario, indsats, financing-plan, metoder\./);
  });

  it('every command: a missing argument, a missing required option, too many arguments, an unknown option, an option without its value', async () => {
    const leaves = await leafCommands();
    expect(leaves).toEqual(expect.arrayContaining([['screen'], ['compare', 'screen'], ['sensitivity', 'classify']]));
    for (const command of leaves) {
      const { args, variadic, required, valueOption } = await usageOf(command);
      const options = required.flatMap((o) => [o.flag, o.value]);
      if (args.length > 0) await expectUsageError([...command, ...options], /argumentet <[^>]+> mangler/);
      for (const o of required) await expectUsageError([...command, ...args, ...required.filter((r) => r !== o).flatMap((r) => [r.flag, r.value])], new RegExp(`det påkrævede tilvalg ${o.flag} <[^>]+> er ikke angivet`));
      if (!variadic) await expectUsageError([...command, ...args, 'en', 'to', 'tre', ...options], /for mange argumenter: kommandoen tager/);
      await expectUsageError([...command, ...args, ...options, '--findes-ikke'], /ukendt tilvalg --findes-ikke/);
      if (valueOption !== undefined) await expectUsageError([...command, ...args, ...options, valueOption], new RegExp(`tilvalget (-\\w, )?${valueOption} <[^>]+> mangler sin værdi`));
    }
  });

  it('a command with subcommands: an unknown subcommand', async () => {
    await expectUsageError(['compare', 'scren'], /ukendt kommando scren — Mente du screen\?/);
    await expectUsageError(['sensitivity', 'findes-ikke'], /ukendt kommando findes-ikke/);
  });

  it('a --disable name that no condition or rule has', async () => {
    const run = await runCli(['classify', 'fixtures/boligomraader.csv', '--disable', 'ikke-vestlig']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/fejl unknown-disable-id "ikke-vestlig" er hverken en betingelse eller en regel/);
  });

  it('suggests the option meant', async () => {
    await expectUsageError(['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--formt', 'json'], /ukendt tilvalg --formt — Mente du --format\?/);
  });
});

/** Starts `boligsocial …argv` (the service) from the sources in `cwd`, and stops it with SIGTERM once it listens. */
function runUntilListening(argv: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  // tsx found from here (the copy has no node_modules): its one export is the loader
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', tsx, resolve('src/cli/bin.ts'), ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let stopped = false;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (!stopped && /lytter på/.test(stderr)) {
      stopped = true;
      child.kill('SIGTERM');
    }
  });
  return new Promise((done) => child.on('exit', (code) => done({ code, stderr })));
}

describe('the examples in the help', () => {
  it('run as shown, from the repository root', async () => {
    // a copy, since some examples write files (schema --all) or name a copy of the rules
    const root = mkdtempSync(join(tmpdir(), 'hjaelp-eksempler-'));
    const repo = join(root, 'repo');
    cpSync('rules', join(repo, 'rules'), { recursive: true });
    symlinkSync(resolve('fixtures'), join(repo, 'fixtures'), 'dir');
    cpSync('rules', join(root, 'mine-regler'), { recursive: true });
    const helps = [(await runCli(['--help'])).stdout];
    for (const c of await commands()) helps.push((await runCli([c, '--help'])).stdout);
    const examples = helps.flatMap(exampleCommands);
    expect(examples.length).toBeGreaterThanOrEqual((await commands()).length + 1);
    for (const example of examples) {
      const [program, ...argv] = example.split(' ');
      expect(program).toBe('boligsocial');
      if (argv.includes('serve')) {
        // the service runs until stopped: started in a process of its own, it must listen, then stop on SIGTERM
        const run = await runUntilListening(argv, repo);
        expect(run.code, `${example}\n${run.stderr}`).toBe(0);
        expect(run.stderr, example).toMatch(/lytter på http:\/\/127\.0\.0\.1:\d+[\s\S]*stoppet/);
        continue;
      }
      const run = await runCli(argv, repo);
      expect(run.code, `${example}\n${run.stderr}`).toBeLessThan(2);
      expect(run.stdout.length, example).toBeGreaterThan(0);
    }
    rmSync(root, { recursive: true, force: true });
  });
});
