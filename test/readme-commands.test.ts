/**
 * Every command the README shows is run, as written, so the README cannot rot.
 *
 * The README is read generically, by its headings: each `##` or `###` section is a recipe
 * and runs in its own fresh copy of the repository (node_modules linked), its blocks in order:
 *
 * - a ```sh block: each command line (`\` continues a line, `&&` chains, `# …` is a comment;
 *   a comment saying "exit code N" is the exit code expected, else 0; a comment saying
 *   "i baggrunden" marks a long-running `npx boligsocial serve …`, started from the sources
 *   in a process of its own, waited for until it listens, and stopped with SIGTERM, exit
 *   code 0 expected, when the section ends). `npx boligsocial …`
 *   runs the CLI in-process through `main` — except its first appearance, which is spawned
 *   through npx to prove the bin resolves; `npm …` and other commands are spawned;
 * - a ```json block: written to the file the prose before it names in backticks (the last
 *   `….json` there); if that file exists, the block says what changes and is merged into it
 *   (JSON merge patch, RFC 7386); the following commands use it;
 * - a ```text block after a sh block: what its last command prints (each line must appear).
 *
 * An inline `npx …`/`npm …` span in the prose must be one of the commands run (or a prefix
 * of one). The few commands that cannot run inside `npm test` are listed with the reason.
 * `npm run demo` and `npm run build` are also checked for what issue 12 asks of them (see
 * expectDemo and expectQuietBuild).
 */
import { type ChildProcess, spawn, type SpawnSyncOptionsWithStringEncoding, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STEPS } from '../scripts/demo.js';
import { main } from '../src/cli/main.js';

/** Commands the README shows that this test does not run, and why. */
const NOT_RUN: ReadonlyMap<string, string> = new Map([
  ['npm ci', 'it installs the node_modules this test runs with; in the copy it would replace the linked node_modules'],
  ['npm test', 'this test is part of npm test'],
  ['npm run bench', 'a performance measurement (half a minute at full load); performance is measured only there, never in tests'],
  ['npm run mutate', 'mutation testing takes hours on two cores; it is run by hand, and its scores are written in the README'],
]);

interface Block {
  readonly lang: string;
  readonly body: string;
  readonly line: number;
  /** The prose between the previous block (or the heading) and this one. */
  readonly prose: string;
}

interface Section {
  readonly heading: string;
  readonly blocks: readonly Block[];
  /** The prose after the section's last block. */
  readonly trailing: string;
}

/** The README split at its `##` and `###` headings, with its fenced blocks (also indented ones, in lists). */
function sections(text: string): Section[] {
  const out: { heading: string; blocks: Block[]; prose: string[] }[] = [];
  let current = { heading: '(start)', blocks: [] as Block[], prose: [] as string[] };
  out.push(current);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heading = /^#{2,3} (.+)$/.exec(line);
    if (heading !== null) {
      current = { heading: heading[1] ?? '', blocks: [], prose: [] };
      out.push(current);
      continue;
    }
    const fence = /^( *)```(\w*)\s*$/.exec(line);
    if (fence === null) {
      current.prose.push(line);
      continue;
    }
    const indent = fence[1]?.length ?? 0;
    const body: string[] = [];
    const start = i + 1;
    for (i++; i < lines.length && !/^ *```\s*$/.test(lines[i] ?? ''); i++) body.push((lines[i] ?? '').slice(indent));
    current.blocks.push({ lang: fence[2] ?? '', body: body.join('\n'), line: start, prose: current.prose.join('\n') });
    current.prose = [];
  }
  return out.map((s) => ({ heading: s.heading, blocks: s.blocks, trailing: s.prose.join('\n') }));
}

/** One command of a sh block: the words, the line as written, the exit code expected. */
interface Command {
  readonly text: string;
  /** Its line in the block, from 0. */
  readonly at: number;
  readonly words: readonly string[];
  readonly exitCode: number;
  /** Runs in the background until the section ends (`# i baggrunden`). */
  readonly background: boolean;
}

/** Splits outside quotes: the words of a command line, and where its comment starts. */
function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else word = (word ?? '') + c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '#' && word === undefined) {
      // a comment starts at a # that begins a word
      return { words, comment: line.slice(i + 1) };
    } else if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return { words, comment: '' };
}

/** The commands of a sh block, `&&` chains split into their parts. */
function commandsOf(body: string): Command[] {
  // a line ending in \ continues on the next; each command keeps the line it starts on
  const lines: { text: string; at: number }[] = [];
  body.split('\n').forEach((text, at) => {
    const previous = lines[lines.length - 1];
    if (previous !== undefined && previous.text.endsWith('\\')) previous.text = `${previous.text.slice(0, -1)} ${text.trim()}`;
    else lines.push({ text, at });
  });
  return lines.flatMap(({ text: line, at }) => {
    const { words, comment } = shellWords(line);
    if (words.length === 0) return [];
    const exitCode = Number(/exit code (\d)/.exec(comment)?.[1] ?? 0);
    const background = /i baggrunden/.test(comment);
    const parts: string[][] = [[]];
    for (const w of words) {
      if (w === '&&') parts.push([]);
      else parts[parts.length - 1]?.push(w);
    }
    // only the last command of a chain may be expected to fail
    return parts.map((p, i) => ({ text: p.join(' '), at, words: p, exitCode: i === parts.length - 1 ? exitCode : 0, background: background && i === parts.length - 1 }));
  });
}

/** RFC 7386: objects merge key by key, null removes, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}

/**
 * The objects `patch` changes that `target` does not have: a README that "changes" a
 * parameter no file has (say `maxLedighedPct`) is wrong. A new plain value (`effective.to`)
 * may be added.
 */
function unknownKeys(target: unknown, patch: unknown, at = ''): string[] {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return [];
  const base = typeof target === 'object' && target !== null && !Array.isArray(target) ? (target as Record<string, unknown>) : {};
  return Object.entries(patch).flatMap(([key, value]) => {
    if (Object.hasOwn(base, key)) return unknownKeys(base[key], value, `${at}/${key}`);
    return typeof value === 'object' && value !== null ? [`${at}/${key}`] : [];
  });
}

/** The file a JSON block is for: the last backticked `….json` in the prose before it. */
function targetOf(prose: string): string | undefined {
  return [...prose.matchAll(/`([^`\s]+\.json)`/g)].map((m) => m[1] ?? '').pop();
}

/** Inline `npx …`/`npm …` spans without a placeholder: commands the prose tells the reader to run. */
function inlineCommands(prose: string): string[] {
  return [...prose.matchAll(/`(np[mx] [^`]+)`/g)].map((m) => m[1] ?? '').filter((c) => !/[…<]/.test(c));
}

const readme = readFileSync('README.md', 'utf8');
const all = sections(readme);
const shCommands = all.flatMap((s) => s.blocks.filter((b) => b.lang === 'sh').flatMap((b) => commandsOf(b.body)));
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** A fresh copy of the repository under a new temporary folder, as `<tmp>/<name>/repo`. */
function copyRepository(name: string): string {
  const repo = join(mkdtempSync(join(tmpdir(), 'readme-')), name, 'repo');
  const skip = new Set(['node_modules', 'dist', '.git', 'coverage', '.vitest-report.json']);
  cpSync(process.cwd(), repo, { recursive: true, filter: (src) => src === process.cwd() || !(dirname(src) === process.cwd() && skip.has(basename(src))) });
  symlinkSync(resolve('node_modules'), join(repo, 'node_modules'), 'dir');
  return repo;
}

interface Ran {
  readonly code: number;
  readonly output: string;
}

let npxSpawned = false;

/** A spawned command (a build on a loaded 2-core machine takes up to a minute) is stopped after this. */
const SPAWN_TIMEOUT = 150_000;

/**
 * Starts a long-running `npx boligsocial …` (the service) from the sources in `cwd`, as the
 * in-process runs of `npx boligsocial` do, but in a process of its own so that it can
 * be signalled; resolves once it says it listens.
 */
async function startBackground(command: Command, cwd: string): Promise<ChildProcess> {
  const [program, name, ...args] = command.words;
  if (program !== 'npx' || name !== 'boligsocial') throw new Error(`only npx boligsocial runs in the background: ${command.text}`);
  const child = spawn(process.execPath, ['--import', 'tsx', join(cwd, 'src/cli/bin.ts'), ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command.text} did not start:\n${err}`)), 60_000);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      if (/lytter på http/.test(err)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command.text} exited with ${code}:\n${err}`));
    });
  });
  return child;
}

async function run(command: Command, cwd: string): Promise<Ran> {
  const [program, ...args] = command.words;
  if (program === 'npx' && args[0] === 'boligsocial' && npxSpawned) {
    let output = '';
    const code = await main(args.slice(1), { stdout: (t) => (output += t), stderr: (t) => (output += t), cwd });
    return { code, output };
  }
  if (program === 'npx') npxSpawned = true;
  // never the network, never a prompt, never a terminal to wait on
  const env = { ...process.env, npm_config_offline: 'true', npm_config_yes: 'false', npm_config_update_notifier: 'false', EDITOR: 'false', VISUAL: 'false' };
  const options: SpawnSyncOptionsWithStringEncoding = { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: SPAWN_TIMEOUT };
  // other commands through sh, each word quoted as the README quoted it (a header with a space stays one word); a pipe stays a pipe
  const quoted = command.words.map((w) => (w === '|' || /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`)).join(' ');
  const spawned = program === 'npm' || program === 'npx' ? spawnSync(program, args, options) : spawnSync('sh', ['-c', quoted], options);
  return { code: spawned.status ?? -1, output: `${spawned.stdout}${spawned.stderr}` };
}

/** Only npm's own "> script" lines and blank lines: what a silent script prints through `npm run`. */
function expectOnlyNpmBanner(lines: readonly string[]): void {
  for (const line of lines) expect(line === '' || line.startsWith('> '), `printed: ${line}`).toBe(true);
}

/** `npm run build` prints nothing but errors and warnings: here, where there are none, nothing. */
function expectQuietBuild(output: string): void {
  expectOnlyNpmBanner(output.split('\n'));
}

/**
 * What `npm run demo` prints: each step under its heading and command, in order, something
 * of its own in each step, and every line within 160 columns.
 */
function expectDemo(output: string): void {
  const lines = output.split('\n');
  expectOnlyNpmBanner(lines.slice(0, lines.findIndex((l) => l.startsWith('== '))));
  const headings = lines.flatMap((l, i) => (/^== .+ ==$/.test(l) ? [[l, lines[i + 1]]] : []));
  expect(headings).toEqual(DEMO_STEPS.map((s) => [`== ${s.heading} ==`, `$ boligsocial ${s.args.join(' ')}`]));
  expect(DEMO_STEPS.map((s) => s.heading)).toContain('Klassifikation af boligområder');
  // every step printed something of its own
  for (const part of output.split(/^== .+ ==$/m).slice(1)) expect(part.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('$ ')).length).toBeGreaterThan(0);
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(160);
}

describe('README commands', () => {
  it('finds the sections and their commands', () => {
    expect(all.map((s) => s.heading)).toEqual(expect.arrayContaining(['For analysts', 'Change a threshold', 'Add a scenario', 'Try a rule change on a copy']));
    expect(shCommands.length).toBeGreaterThan(20);
  });

  it('lists only commands the README shows as not run, each with its reason', () => {
    const shown = new Set([...shCommands.map((c) => c.text), ...all.flatMap((s) => [...s.blocks.map((b) => b.prose), s.trailing].flatMap(inlineCommands))]);
    for (const [command, reason] of NOT_RUN) {
      expect(shown, command).toContain(command);
      expect(reason.length).toBeGreaterThan(10);
    }
  });

  it('runs every command the prose names inline (or lists it as not run)', () => {
    const runnable = shCommands.map((c) => c.text);
    for (const s of all) {
      for (const inline of [...s.blocks.map((b) => b.prose), s.trailing].flatMap(inlineCommands)) {
        expect(NOT_RUN.has(inline) || runnable.some((c) => c === inline || c.startsWith(`${inline} `)), `${s.heading}: \`${inline}\``).toBe(true);
      }
    }
  });

  for (const [index, section] of all.entries()) {
    const runs = section.blocks.some((b) => b.lang === 'sh');
    if (!runs) continue;
    describe(`${section.heading}`, () => {
      let cwd = '';
      let last: Ran | undefined;
      const background: ChildProcess[] = [];
      beforeAll(() => {
        cwd = copyRepository(`section-${index}`);
      });
      // the temporary folder holds the copy and what the section made beside it (../mine-regler)
      afterAll(() => rmSync(dirname(dirname(cwd)), { recursive: true, force: true }));

      for (const block of section.blocks) {
        if (block.lang === 'sh') {
          for (const command of commandsOf(block.body)) {
            const reason = NOT_RUN.get(command.text);
            if (reason !== undefined) continue;
            if (command.background) {
              it(`README:${block.line + command.at} ${command.text}`, async () => {
                background.push(await startBackground(command, cwd));
              }, 70_000);
              continue;
            }
            it(`README:${block.line + command.at} ${command.text}`, async () => {
              last = await run(command, cwd);
              expect(last.code, `${command.text} in ${cwd}\n${last.output}`).toBe(command.exitCode);
              if (command.text === 'npm run demo') expectDemo(last.output);
              if (command.text === 'npm run build') expectQuietBuild(last.output);
              if (command.text === 'npx boligsocial --version') expect(last.output.trim()).toBe(VERSION);
            }, SPAWN_TIMEOUT + 10_000);
          }
        } else if (block.lang === 'json') {
          const target = targetOf(block.prose);
          if (target === undefined) continue;
          it(`README:${block.line} writes ${target}`, () => {
            const file = resolve(cwd, target);
            const value: unknown = JSON.parse(block.body);
            if (existsSync(file)) {
              const current: unknown = JSON.parse(readFileSync(file, 'utf8'));
              expect(unknownKeys(current, value), `README:${block.line} changes keys ${target} does not have`).toEqual([]);
              writeFileSync(file, `${JSON.stringify(mergePatch(current, value), null, 2)}\n`);
            }
            else {
              mkdirSync(dirname(file), { recursive: true });
              writeFileSync(file, `${block.body}\n`);
            }
          });
        } else if (block.lang === 'text' && section.blocks[section.blocks.indexOf(block) - 1]?.lang === 'sh') {
          it(`README:${block.line} is what the command above prints`, () => {
            expect(last, 'the command above ran').toBeDefined();
            for (const line of block.body.split('\n').filter((l) => l.trim() !== '')) expect(last?.output).toContain(line.trim());
          });
        }
      }

      if (section.blocks.some((b) => b.lang === 'sh' && commandsOf(b.body).some((c) => c.background))) {
        it('what ran in the background stops on SIGTERM with exit code 0', async () => {
          expect(background.length).toBeGreaterThan(0);
          for (const child of background) {
            const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
            child.kill('SIGTERM');
            expect(await exited).toBe(0);
          }
        }, 30_000);
      }

      it('every JSON block of the section is a file the text names', () => {
        for (const block of section.blocks.filter((b) => b.lang === 'json')) expect(targetOf(block.prose), `README:${block.line}`).toBeDefined();
      });
    });
  }
});
