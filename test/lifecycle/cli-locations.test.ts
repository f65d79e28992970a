/** Errors in an indsats file are Danish and located at file:line:column of the offending key. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('boligsocial lifecycle on a broken indsats file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'indsats-'));
  const indsats = JSON.parse(readFileSync('fixtures/indsatser/valby-ejf-2019.json', 'utf8')) as Record<string, unknown>;
  // pretty-printed, so the unknown key sits on its own line
  const text = JSON.stringify({ ...indsats, ukendtFelt: 1 }, null, 2);
  writeFileSync(join(dir, 'valby.json'), text);
  const line = text.split('\n').findIndex((l) => l.includes('"ukendtFelt"')) + 1;

  it('names the key in Danish at its line and column, and exits 1', async () => {
    const run = await runCli(['lifecycle', dir, '--as-of', '2025-06-01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`valby.json:${line}:3 fejl input-invalid Ugyldig indsats: Ukendt nøgle: "ukendtFelt" (/ukendtFelt)`);
  });

  it('reports bad JSON with its position instead of a parser exception', async () => {
    writeFileSync(join(dir, 'valby.json'), text.replace('"ukendtFelt": 1', '"ukendtFelt": 1,'));
    const run = await runCli(['lifecycle', dir, '--as-of', '2025-06-01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/valby\.json:\d+:\d+ fejl json-syntax ugyldig JSON: komma efter sidste element/);
  });
});
