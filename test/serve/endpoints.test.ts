/**
 * The real service, started as `boligsocial serve` on 127.0.0.1 and a free port: every
 * endpoint answers what the CLI prints with --format json for the same data, and every
 * error status is data (Danish diagnostics), never a stack trace.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoligomraaderCsv, readPrognoseCsv } from '../../src/classification/index.js';
import { readAfdelingerCsv } from '../../src/screening/index.js';
import { runCli } from '../support/cli.js';
import { post, postHeadersOnly, type RunningServer, startServer } from './server.js';

const tmp = mkdtempSync(join(tmpdir(), 'serve-endpoints-'));
const afdelinger = readAfdelingerCsv(readFileSync('fixtures/afdelinger.csv', 'utf8'), 'afdelinger.csv').afdelinger;
const boligomraader = readBoligomraaderCsv(readFileSync('fixtures/boligomraader.csv', 'utf8'), 'x').entries.map((e) => e.value);
const prognose = readPrognoseCsv(readFileSync('fixtures/classification/afdelinger-prognose.csv', 'utf8'), 'x').afdelinger.map((a) => a.value);
const historik = readBoligomraaderCsv(readFileSync('fixtures/classification/historik-2014-2022.csv', 'utf8'), 'x').entries.map((e) => e.value);
const indsatser = readdirSync('fixtures/indsatser')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => {
    const v: unknown = JSON.parse(readFileSync(join('fixtures/indsatser', f), 'utf8'));
    return Array.isArray(v) ? v : [v];
  });
const plan: unknown = JSON.parse(readFileSync('fixtures/financing/helhedsplan-2024.json', 'utf8'));

async function cliJson(argv: readonly string[]): Promise<any> {
  const run = await runCli(argv);
  return JSON.parse(run.stdout);
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer([]);
});
afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

describe('the decision endpoints answer as the CLI does', () => {
  it('POST /v1/screen', async () => {
    const res = await post(`${server.url}/v1/screen`, { asOf: '2024-12-01', afdelinger });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-decision-id')).toMatch(/^[0-9a-f-]{36}$/);
    const cli = await cliJson(['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--format', 'json']);
    expect(res.json.results).toEqual(cli.results);
    expect(res.json.results.length).toBe(afdelinger.length);
    expect(res.json.results[0].ruleSet.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('POST /v1/screen reports a bad row by its pointer and still answers the good rows', async () => {
    const bad = { ...(afdelinger[1] as object), beboere: 'mange' };
    const res = await post(`${server.url}/v1/screen`, { asOf: '2024-12-01', afdelinger: [afdelinger[0], bad, afdelinger[2]] });
    expect(res.status).toBe(200);
    expect(res.json.results.map((r: any) => r.afdeling.id)).toEqual([(afdelinger[0] as any).id, (afdelinger[2] as any).id]);
    expect(res.json.diagnostics).toEqual([expect.objectContaining({ code: 'input-invalid', row: 2, pointer: '/afdelinger/1/beboere' })]);
  });

  it('POST /v1/classify', async () => {
    writeFileSync(join(tmp, 'boligomraader.json'), JSON.stringify(boligomraader));
    const res = await post(`${server.url}/v1/classify`, { boligomraader });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(await cliJson(['classify', join(tmp, 'boligomraader.json'), '--format', 'json']));
  });

  it('POST /v1/forecast', async () => {
    writeFileSync(join(tmp, 'prognose.json'), JSON.stringify(prognose));
    writeFileSync(join(tmp, 'historik.json'), JSON.stringify(historik));
    const res = await post(`${server.url}/v1/forecast`, { listedato: '2025-12-01', afdelinger: prognose, historik });
    expect(res.status).toBe(200);
    expect(res.json.length).toBeGreaterThan(0);
    expect(res.json).toEqual(await cliJson(['forecast', join(tmp, 'prognose.json'), '--listedato', '2025-12-01', '--historik', join(tmp, 'historik.json'), '--format', 'json']));
  });

  it('POST /v1/lifecycle', async () => {
    const res = await post(`${server.url}/v1/lifecycle`, { asOf: '2025-06-01', indsatser });
    expect(res.status).toBe(200);
    const { diagnostics, ...rest } = res.json;
    expect(diagnostics).toEqual([]);
    expect(rest).toEqual(await cliJson(['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--format', 'json']));
  });

  it('POST /v1/financing', async () => {
    const res = await post(`${server.url}/v1/financing`, plan);
    expect(res.status).toBe(200);
    expect(res.json).toEqual(await cliJson(['financing', 'fixtures/financing/helhedsplan-2024.json', '--format', 'json']));
  });

  it('POST /v1/compare', async () => {
    const res = await post(`${server.url}/v1/compare`, { kommando: 'screen', input: { asOf: '2024-12-01', afdelinger }, afterSet: ['screening.maxFlyttefrekvensPct=11'] });
    expect(res.status).toBe(200);
    const cli = await cliJson(['compare', 'screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--after-set', 'screening.maxFlyttefrekvensPct=11', '--format', 'json']);
    expect(res.json.aendrede.length).toBeGreaterThan(0);
    for (const key of ['kommando', 'udfald', 'raekker', 'aendrede', 'optaelling']) expect(res.json[key], key).toEqual(cli[key]);
    expect(res.json.efter.parametre).toEqual(cli.efter.parametre);
  });

  it('POST /v1/compare checks the question\'s own request, located under /input', async () => {
    const res = await post(`${server.url}/v1/compare`, { kommando: 'screen', input: { asOf: 'i går', afdelinger }, afterSet: ['screening.maxFlyttefrekvensPct=11'] });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([expect.objectContaining({ code: 'input-invalid', pointer: '/input/asOf' })]);
  });
});

describe('the rules, health and the OpenAPI document', () => {
  it('GET /v1/rules lists every rule set and version with its content hash; GET /v1/rules/:id/:version is the exact file', async () => {
    const list = (await (await fetch(`${server.url}/v1/rules`)).json()) as { ruleSets: { id: string; version: string; contentHash: string; effective: { from: string } }[] };
    const screening = list.ruleSets.find((r) => r.id === 'screening' && r.version === '2017-06-01');
    expect(screening?.effective.from).toBe('2017-06-01');
    expect(list.ruleSets.map((r) => r.id)).toEqual(expect.arrayContaining(['classification', 'screening', 'lifecycle']));
    const res = await fetch(`${server.url}/v1/rules/screening/2017-06-01`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(readFileSync('rules/screening/2017-06-01.json'))).toBe(true);
    expect(res.headers.get('x-content-hash')).toBe(screening?.contentHash);
  });

  it('GET /v1/health', async () => {
    const res = await fetch(`${server.url}/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', packageVersion: expect.any(String) });
  });

  it('GET /v1/openapi.json: OpenAPI 3.1, every endpoint, every reference resolves, rows documented by the library\'s schemas', async () => {
    const doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    for (const name of ['classify', 'forecast', 'screen', 'lifecycle', 'financing', 'compare']) expect(doc.paths[`/v1/${name}`].post.responses['400']).toBeDefined();
    for (const path of ['/v1/rules', '/v1/rules/{id}/{version}', '/v1/health', '/v1/openapi.json']) expect(doc.paths[path]).toBeDefined();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
    expect(doc.components.schemas.ScreenRequest.properties.afdelinger.items).toEqual({ $ref: '#/components/schemas/Afdeling' });
    expect(Object.keys(doc.components.schemas.Afdeling.properties)).toEqual(expect.arrayContaining(['id', 'perioder']));
  });
});

describe('errors are data', () => {
  it('400: JSON that does not parse, with line and column', async () => {
    const res = await post(`${server.url}/v1/screen`, '{"asOf": "2024-12-01",\n "afdelinger": [}');
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatchObject({ code: 'json-syntax', line: 2 });
    expect(res.json.errors[0].message).toMatch(/ugyldig JSON/);
  });

  it('400: a request that does not follow the schema, by JSON pointer, line and column', async () => {
    const res = await post(`${server.url}/v1/screen`, '{"asOf": "2024-02-30", "afdelinger": []}');
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([expect.objectContaining({ code: 'input-invalid', pointer: '/asOf', line: 1, column: 2, hint: expect.stringContaining('openapi.json') })]);
  });

  it('400: the library refuses (no rules in force on the date), never a 500', async () => {
    const res = await post(`${server.url}/v1/screen`, { asOf: '1990-01-01', afdelinger });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].code).toBe('no-rules-in-force');
  });

  it('404 for a path the service does not have, and for a rule version it does not have', async () => {
    for (const path of ['/v1/nothing', '/v1/rules/screening/1999-01-01']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as any).errors[0].code).toBe('not-found');
    }
  });

  it('415 for a body that is not JSON', async () => {
    const res = await fetch(`${server.url}/v1/screen`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'id,navn\n1,x' });
    expect(res.status).toBe(415);
    const body = (await res.json()) as any;
    expect(body.errors[0]).toMatchObject({ code: 'unsupported-media-type' });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('413 above the body limit (10 MB by default)', async () => {
    // the service answers as soon as it has read the length, before any of the body
    const res = await postHeadersOnly(`${server.url}/v1/screen`, 10 * 1024 * 1024 + 1);
    expect(res.status).toBe(413);
    expect(res.json.errors[0]).toMatchObject({ code: 'body-too-large', message: expect.stringContaining('10 MB') });
  });
});
