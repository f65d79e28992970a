/** Audit: every loaded rule set names the sha256 of its file's exact bytes, and the package its version. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMetoderFile, loadMetodeKatalogFile } from '../../src/rules/metoder.js';
import { listRuleFiles } from '../../src/rules/registry.js';
import { bundledRegistry, loadRuleSetFile, loadRuleSetText } from '../../src/shipped.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { runCli } from '../support/cli.js';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const shippedFiles = listRuleFiles('rules');
/** The rule-set files; the methods catalogues are checked on their own below. */
const ruleSetFiles = shippedFiles.filter((f) => !isMetoderFile(f));

describe('content hash', () => {
  it.each(ruleSetFiles)('%s: the sha256 of the file bytes, in the loaded rule set and in the bundled registry', (file) => {
    const loaded = loadRuleSetFile(file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const want = sha256(readFileSync(file));
    expect(loaded.value.info.contentHash).toBe(want);
    const bundled = bundledRegistry()
      .versions(loaded.value.info.id)
      .find((v) => v.info.version === loaded.value.info.version);
    expect(bundled?.info.contentHash).toBe(want);
  });

  it('changes when one byte of the file changes, even where the meaning does not', () => {
    const original = readFileSync('rules/screening/2017-06-01.json');
    const dir = mkdtempSync(join(tmpdir(), 'hash-'));
    const hashes = new Set<string>();
    // a space before the first newline, then one letter of the title changed
    const variants = [original, Buffer.concat([original.subarray(0, 1), Buffer.from(' '), original.subarray(1)]), Buffer.from(original.toString('utf8').replace('"title": "', '"title": "X'))];
    for (const [i, bytes] of variants.entries()) {
      const file = join(dir, `${i}`, '2017-06-01.json');
      mkdirSync(join(dir, `${i}`));
      writeFileSync(file, bytes);
      const loaded = loadRuleSetFile(file);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      expect(loaded.value.info.contentHash).toBe(sha256(bytes));
      hashes.add(loaded.value.info.contentHash);
    }
    expect(hashes.size).toBe(variants.length);
  });

  it('of a rule file given as text is that of its UTF-8 bytes', () => {
    const text = readFileSync('rules/lifecycle/2017-06-01.json', 'utf8');
    const loaded = loadRuleSetText(text, '2017-06-01.json');
    expect(loaded.ok && loaded.value.info.contentHash).toBe(sha256(Buffer.from(text, 'utf8')));
  });
});

/** Id, version and period of a shipped rule file: a rule set, or a methods catalogue (in force from its date). */
function infoOf(file: string): { id: string; version: string; effective: { from: string; to?: string } } {
  if (isMetoderFile(file)) {
    const k = loadMetodeKatalogFile(file);
    if (!k.ok) throw new Error(file);
    return { id: k.value.id, version: k.value.version, effective: { from: k.value.version } };
  }
  const loaded = loadRuleSetFile(file);
  if (!loaded.ok) throw new Error(file);
  return loaded.value.info;
}

describe('the methods catalogue', () => {
  it.each(shippedFiles.filter(isMetoderFile))('%s: the sha256 of the file bytes, in the catalogue and in the bundled registry', (file) => {
    const k = loadMetodeKatalogFile(file);
    if (!k.ok) throw new Error(JSON.stringify(k.errors));
    expect(k.value.contentHash).toBe(sha256(readFileSync(file)));
    expect(bundledRegistry().metoder?.(k.value.version)?.contentHash).toBe(sha256(readFileSync(file)));
  });
});

describe('boligsocial validate --hashes', () => {
  it('lists every rule file with its id, version, period in force and hash', async () => {
    const run = await runCli(['validate', '--hashes']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Regelfiler (pakkeversion ${PACKAGE_VERSION}):`);
    for (const file of shippedFiles) {
      const { id, version, effective } = infoOf(file);
      const period = effective.to === undefined ? `fra ${effective.from}` : `${effective.from} – ${effective.to}`;
      const line = run.stdout.split('\n').find((l) => l.startsWith(`${relative(process.cwd(), file)} `));
      expect(line?.split(/\s{2,}/), file).toEqual([relative(process.cwd(), file), id, version, period, sha256(readFileSync(file))]);
    }
  });

  it('as JSON: the package version and every rule set with its hash', async () => {
    const run = await runCli(['validate', '--hashes', '--format', 'json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { packageVersion: string; files: number; ok: boolean; ruleSets: { file: string; id: string; contentHash: string }[] };
    expect(out.packageVersion).toBe(PACKAGE_VERSION);
    expect(out.ok).toBe(true);
    expect(out.files).toBe(shippedFiles.length);
    expect(out.ruleSets.map((r) => [r.file, r.contentHash])).toEqual(shippedFiles.map((f) => [relative(process.cwd(), f), sha256(readFileSync(f))]));
  });

  it('rejects an unknown format as a usage error', async () => {
    expect((await runCli(['validate', '--format', 'xml'])).code).toBe(2);
  });
});

describe('package version', () => {
  it('is the version in package.json', () => {
    expect(PACKAGE_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
