/**
 * The hostile-input corpus: every folder under fixtures/hostile/ is one hostile input,
 * run through the CLI in-process. Each folder holds the input files and a `case.json`:
 *
 *   {
 *     "description": "what the input does (Danish or English)",
 *     "item": "issue 11, item 3",
 *     "args": ["screen", "afdelinger.csv", "--as-of", "2024-12-01"],   // relative to the folder
 *     "exitCode": 1,
 *     "stderr": ["substrings", "the error output must contain"],
 *     "stdout": ["substrings the standard output must contain"],        // optional
 *     "testDomain": true   // optional: rule files of the engine's test domain load too
 *   }
 *
 * Whatever the input, the CLI must return (never throw), print no stack trace and no
 * JavaScript error name, and answer with the exit code and the Danish message given.
 *
 * An input too large to commit is written by the folder's `generate.ts` (exporting
 * `generate(dir)`), called before the case runs; the folder's .gitignore lists it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from './support/cli.js';
import { TEST_DOMAINS } from './support/test-domain.js';

const root = 'fixtures/hostile';

const hostileCase = z.strictObject({
  description: z.string().min(1),
  item: z.string().min(1),
  args: z.array(z.string()).min(1),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  stderr: z.array(z.string()).default([]),
  stdout: z.array(z.string()).default([]),
  testDomain: z.boolean().default(false),
});

const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'case.json')))
  .map((entry) => ({ name: entry.name, dir: join(process.cwd(), root, entry.name) }));

/** Signs that an internal error reached the user instead of a diagnostic. */
const crashSigns = [/\n\s+at .+:\d+:\d+\)?/, /\b(TypeError|RangeError|SyntaxError|ReferenceError)\b/, /Maximum call stack/, /ENOENT|EISDIR|EACCES/];

describe('hostile-input corpus (fixtures/hostile)', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const { name, dir } of cases) {
    it(name, async () => {
      const generator = join(dir, 'generate.ts');
      if (existsSync(generator)) ((await import(generator)) as { generate: (dir: string) => void }).generate(dir);
      const spec = hostileCase.parse(JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')));
      const run = await runCli(spec.args, dir, spec.testDomain ? { domains: TEST_DOMAINS } : {});
      for (const sign of crashSigns) {
        expect(run.stderr, `stderr shows an internal error (${sign})`).not.toMatch(sign);
        expect(run.stdout, `stdout shows an internal error (${sign})`).not.toMatch(sign);
      }
      for (const text of spec.stderr) expect(run.stderr).toContain(text);
      for (const text of spec.stdout) expect(run.stdout).toContain(text);
      expect(run.code, run.stderr).toBe(spec.exitCode);
    });
  }
});
