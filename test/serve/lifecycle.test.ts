/**
 * The service's life: token auth, reload with a broken file (the old rules keep serving)
 * and then a good one (switches), SIGTERM with requests in flight (all answered, the log
 * complete), and replaying the log (unchanged rules: no differences; a changed threshold:
 * the decision that differs, and the file that changed).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAfdelinger } from '../../fixtures/screening/generator.js';
import { readAfdelingerCsv } from '../../src/screening/index.js';
import { runCli } from '../support/cli.js';
import { post, postAfterContinue, startServer } from './server.js';

const afdelinger = readAfdelingerCsv(readFileSync('fixtures/afdelinger.csv', 'utf8'), 'afdelinger.csv').afdelinger;
const SCREENING = 'screening/2017-06-01.json';

/** A copy of the shipped rules in a fresh folder. */
function rulesCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'serve-rules-')), 'regler');
  cpSync('rules', dir, { recursive: true });
  return dir;
}

/** The screening file of `dir` with the move-out threshold set to `pct`. */
function setFlyttefrekvens(dir: string, pct: string): void {
  const file = join(dir, SCREENING);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { parameters: Record<string, { value: string }> };
  (json.parameters['maxFlyttefrekvensPct'] as { value: string }).value = pct;
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

function logLines(file: string): any[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
}

describe('bearer token', () => {
  it('every endpoint but health requires it; compared exactly; a small --body-limit is a 413', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-token-'));
    writeFileSync(join(dir, 'token'), 's3cret-token\n');
    const server = await startServer(['--token-file', join(dir, 'token'), '--body-limit', '2000']);
    try {
      const body = { asOf: '2024-12-01', afdelinger: afdelinger.slice(0, 1) };
      expect((await post(`${server.url}/v1/screen`, body)).status).toBe(401);
      const wrong = await post(`${server.url}/v1/screen`, body, { authorization: 'Bearer s3cret-tokeN' });
      expect(wrong.status).toBe(401);
      expect(wrong.json.errors[0].code).toBe('unauthorized');
      expect((await post(`${server.url}/v1/screen`, body, { authorization: 'Bearer s3cret-token-and-more' })).status).toBe(401);
      expect((await fetch(`${server.url}/v1/rules`)).status).toBe(401);
      expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
      const ok = await post(`${server.url}/v1/screen`, body, { authorization: 'Bearer s3cret-token' });
      expect(ok.status).toBe(200);
      expect((await fetch(`${server.url}/v1/rules`, { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
      const tooBig = await post(`${server.url}/v1/screen`, { asOf: '2024-12-01', afdelinger: afdelinger.slice(0, 3) }, { authorization: 'Bearer s3cret-token' });
      expect(tooBig.status).toBe(413);
      expect(tooBig.json.errors[0].message).toContain('2000 bytes');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('reload', () => {
  it('a broken file keeps the old rules serving; a good one switches (SIGHUP)', async () => {
    const dir = rulesCopy();
    const log = join(dir, '..', 'log.jsonl');
    const server = await startServer(['--log', log], { globalArgs: ['--rules', dir] });
    try {
      const body = { asOf: '2024-12-01', afdelinger };
      const before = await post(`${server.url}/v1/screen`, body);
      const hashBefore = before.json.results[0].ruleSet.contentHash;
      const flaggedBefore = before.json.results.filter((r: any) => r.indikatorer.find((i: any) => i.id === 'hoej-flyttefrekvens')?.outcome === true).length;

      writeFileSync(join(dir, SCREENING), '{ "id": "screening", ');
      let at = server.stderr().length;
      server.child.kill('SIGHUP');
      await server.waitFor(/ikke genindlæst/, 20_000, at);
      expect(server.stderr().slice(at)).toMatch(/json-syntax|ugyldig JSON/);
      const during = await post(`${server.url}/v1/screen`, body);
      expect(during.json.results).toEqual(before.json.results);

      writeFileSync(join(dir, SCREENING), readFileSync(join('rules', SCREENING)));
      setFlyttefrekvens(dir, '5');
      at = server.stderr().length;
      server.child.kill('SIGHUP');
      await server.waitFor(/regler genindlæst/, 20_000, at);
      const after = await post(`${server.url}/v1/screen`, body);
      expect(after.json.results[0].ruleSet.contentHash).not.toBe(hashBefore);
      const flaggedAfter = after.json.results.filter((r: any) => r.indikatorer.find((i: any) => i.id === 'hoej-flyttefrekvens')?.outcome === true).length;
      expect(flaggedAfter).toBeGreaterThan(flaggedBefore);
      expect(logLines(log).map((l) => (l.kind === 'reload' ? `reload ${l.ok}` : l.endpoint))).toEqual(['screen', 'reload false', 'screen', 'reload true', 'screen']);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('--watch reloads when a file in the rules directory changes', async () => {
    const dir = rulesCopy();
    const server = await startServer(['--watch'], { globalArgs: ['--rules', dir] });
    try {
      const at = server.stderr().length;
      setFlyttefrekvens(dir, '7');
      await server.waitFor(/regler genindlæst/, 20_000, at);
      const res = await post(`${server.url}/v1/screen`, { asOf: '2024-12-01', afdelinger: afdelinger.slice(0, 1) });
      const served = (await (await fetch(`${server.url}/v1/rules/screening/2017-06-01`)).text());
      expect(served).toContain('"value": "7"');
      expect(res.json.results[0].ruleSet.contentHash).not.toBe((await import('../../src/rules/index.js')).contentHash(readFileSync(join('rules', SCREENING))));
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('SIGTERM and the log', () => {
  it('answers every request in flight, then exits 0 with every decision logged whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-term-'));
    const log = join(dir, 'log.jsonl');
    const server = await startServer(['--log', log, '--log-input']);
    const big = { asOf: '2024-12-01', afdelinger: generateAfdelinger(400, { seed: 7 }) };
    const requests = Array.from({ length: 6 }, () => postAfterContinue(`${server.url}/v1/screen`, big));
    // in flight: the service has read every request's headers (a request it has not begun
    // reading when it stops is not in flight, and Node closes its connection)
    await Promise.all(requests.map((r) => r.received));
    // stop once the service is busy with them: its first decision is logged
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        try {
          if (readFileSync(log, 'utf8').includes('\n')) {
            clearInterval(poll);
            resolve();
          }
        } catch {
          // not yet created
        }
      }, 5);
    });
    const loggedAtStop = logLines(log).length;
    const code = server.stop();
    const answers = await Promise.all(requests.map((r) => r.answer));
    // some were still in flight when SIGTERM came
    expect(loggedAtStop).toBeLessThan(6);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await code).toBe(0);
    const lines = logLines(log);
    expect(lines.length).toBe(6);
    expect(new Set(lines.map((l) => l.decisionId)).size).toBe(6);
    expect(lines.map((l) => l.decisionId).sort()).toEqual(answers.map((a) => a.decisionId).sort());
    for (const l of lines) {
      expect(l).toMatchObject({ kind: 'decision', endpoint: 'screen', packageVersion: expect.any(String), inputHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(l.outcomes.length).toBe(400);
      expect(l.ruleFiles).toEqual([expect.objectContaining({ id: 'screening', version: '2017-06-01', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    }
    expect(server.stderr()).toMatch(/stoppet/);
  });
});

describe('replay', () => {
  it('an unchanged log has no differences (exit 0); against a changed threshold it names the decision and the file (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-replay-'));
    const log = join(dir, 'log.jsonl');
    const server = await startServer(['--log', log, '--log-input']);
    let ids: string[];
    try {
      const screen = await post(`${server.url}/v1/screen`, { asOf: '2024-12-01', afdelinger });
      const classify = await post(`${server.url}/v1/classify`, { boligomraader: [{ id: 'x', listedato: '2022-12-01', beboere: 1200, andelUdenArbejdePct: '50' }] });
      expect([screen.status, classify.status]).toEqual([200, 200]);
      ids = [screen.headers.get('x-decision-id') ?? '', classify.headers.get('x-decision-id') ?? ''];
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const same = await runCli(['replay', log]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('2 beslutninger i loggen: 2 med samme udfald, 0 med andet udfald nu');

    const changed = rulesCopy();
    setFlyttefrekvens(changed, '5');
    const differs = await runCli(['--rules', changed, 'replay', log]);
    expect(differs.code).toBe(1);
    expect(differs.stdout).toContain(`beslutning ${ids[0]} (screen`);
    expect(differs.stdout).toMatch(/kan ikke genskabes med de loggede regelfiler: screening 2017-06-01 har ændret indhold/);
    expect(differs.stdout).not.toContain(`beslutning ${ids[1]}`);
    const json = JSON.parse((await runCli(['--rules', changed, 'replay', log, '--format', 'json'])).stdout);
    expect(json.decisions.map((d: any) => d.status)).toEqual(['differs', 'same']);
    expect(json.decisions[0].differences.length).toBeGreaterThan(0);
    expect(json.decisions[0].differences[0].now).not.toEqual(json.decisions[0].differences[0].logged);
  });

  it('a decision logged without its input is counted, not re-run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-noinput-'));
    const log = join(dir, 'log.jsonl');
    const server = await startServer(['--log', log]);
    try {
      expect((await post(`${server.url}/v1/screen`, { asOf: '2024-12-01', afdelinger })).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(logLines(log)[0].input).toBeUndefined();
    const run = await runCli(['replay', log]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 uden logget input');
  });
});
