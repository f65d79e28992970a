/**
 * Text for people never carries a terminal control sequence from the input: tables,
 * explanations and messages show them as visible escapes. JSON output keeps the data as it
 * is (JSON escapes control characters itself).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** Characters a terminal acts on rather than shows (line feed aside). */
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const hostile = 'fixtures/hostile/tabel-kontroltegn/boligomraader.csv';

describe('control characters from input', () => {
  it('are escaped in the table and in the full reasoning', async () => {
    for (const argv of [['classify', hostile], ['classify', hostile, '--explain', 'solbakken']]) {
      const run = await runCli(argv);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toMatch(TERMINAL_CONTROL);
      expect(run.stdout).toContain('Sol\\x1b[2Jbakken\\x07\\x9b0m');
    }
  });

  it('are escaped in messages on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontroltegn-'));
    const file = join(dir, 'b.csv');
    writeFileSync(file, 'id,navn,kommune,listedato,beboere\nsol,Sol,København,2020-12-01,mange\u001b]0;ejet\u0007\n');
    const run = await runCli(['classify', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('række 1');
    expect(run.stderr).toContain('mange\\x1b]0;ejet\\x07');
    expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
  });

  it('stay as they are in JSON output, which escapes them itself', async () => {
    const run = await runCli(['classify', hostile, '--format', 'json']);
    const rows = JSON.parse(run.stdout) as { navn?: string }[];
    expect(rows[0]?.navn).toBe('Sol\u001b[2Jbakken\u0007\u009b0m');
    expect(run.stdout).toContain('\\u001b[2J');
  });
});
