/**
 * The service adds nothing and loses nothing: for random valid inputs, its answer (in
 * process, through `fastify.inject`) is the library's answer, as JSON.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBoligomraaderCsv } from '../../fixtures/classification/generator.js';
import { generateAfdelinger, type Profil } from '../../fixtures/screening/generator.js';
import { classifyEach, readBoligomraaderCsv } from '../../src/classification/index.js';
import { bundledRulesDir } from '../../src/rules/index.js';
import { screenAfdelinger } from '../../src/screening/index.js';
import { buildServer, createPolicy, loadPolicy } from '../../src/serve/index.js';
import { SHIPPED_DOMAINS } from '../../src/shipped.js';
import { classifyJson, rowsOfList, screeningJson, udfaldOfRows } from '../../src/answers/index.js';

const first = loadPolicy(bundledRulesDir(), SHIPPED_DOMAINS);
if (!first.ok) throw new Error('the shipped rules do not load');
const policy = createPolicy(bundledRulesDir(), SHIPPED_DOMAINS, first.value);
const fastify = buildServer({ policy, report: () => undefined });
afterAll(() => fastify.close());

const PROFILER: readonly Profil[] = ['rolig', 'afgraenset', 'kompleks', 'liste', 'saarbare', 'mangler', 'forvaerring', 'forbedring', 'anden-kommune'];
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the service answers as the library', () => {
  it('screening: random afdelinger, dates and profiles', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('2023-06-01', '2024-12-01', '2025-03-15'),
        fc.array(fc.constantFrom(...PROFILER), { minLength: 1, maxLength: 4 }),
        async (seed, count, asOf, profiler) => {
          const afdelinger = generateAfdelinger(count, { seed, profil: (i) => profiler[i % profiler.length] as Profil });
          const res = await fastify.inject({ method: 'POST', url: '/v1/screen', payload: { asOf, afdelinger } });
          expect(res.statusCode).toBe(200);
          const library = screenAfdelinger(afdelinger, { asOf, explain: false });
          expect(res.json()).toEqual(asJson(screeningJson(asOf, library.results, library.diagnostics)));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('classification: random boligområder on random lists', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 1, max: 15 }), async (seed, rows) => {
        const boligomraader = readBoligomraaderCsv(generateBoligomraaderCsv(rows, seed).text, 'x').entries.map((e) => e.value);
        const res = await fastify.inject({ method: 'POST', url: '/v1/classify', payload: { boligomraader } });
        expect(res.statusCode).toBe(200);
        const library = classifyJson(udfaldOfRows(rowsOfList(boligomraader), classifyEach(boligomraader, {})[Symbol.iterator](), (d) => d));
        expect(res.json()).toEqual(asJson(library));
        expect((res.json() as unknown[]).length).toBe(boligomraader.length);
      }),
      { numRuns: 25 },
    );
  });
});
