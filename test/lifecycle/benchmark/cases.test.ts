/**
 * Data-driven benchmark cases (fixtures/benchmark/*.json), written the way analysts
 * write scenarios: progress of an indicator at a value, the ranking of a small
 * portfolio, and the method check of an indsats. Each file says what it shows in
 * `beskrivelse` and what must come out in `forventet`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assessIndsats } from '../../../src/lifecycle/assess.js';
import { benchmarkIndsatser } from '../../../src/lifecycle/benchmark/benchmark.js';
import { indikatorFremdrift } from '../../../src/lifecycle/benchmark/indikator.js';
import { parseIndsats } from '../../../src/lifecycle/parse.js';
import type { Indsats } from '../../../src/lifecycle/schema.js';

const dir = 'fixtures/benchmark';
const brøk = z.string().regex(/^-?\d+\/\d+$/).nullable();
const truth = z.boolean().nullable();

const fremdriftCase = z.strictObject({
  beskrivelse: z.string().min(1),
  type: z.literal('fremdrift'),
  tilfaelde: z
    .array(
      z.strictObject({
        beskrivelse: z.string().min(1),
        indikator: z.strictObject({ baseline: z.string(), maal: z.string(), retning: z.enum(['op', 'ned']) }),
        vaerdi: z.string().nullable(),
        forventet: z.strictObject({
          fremdrift: brøk,
          ucappet: brøk,
          naaet: truth,
          decimal: z.string().optional(),
          ucappetDecimal: z.string().optional(),
          eksakt: z.boolean().optional(),
          ukendt: z.enum(['ingen-maaling', 'maal-lig-baseline', 'retning-modstrider-maal']).optional(),
        }),
      }),
    )
    .min(1),
});

const rangeringCase = z.strictObject({
  beskrivelse: z.string().min(1),
  type: z.literal('rangering'),
  asOf: z.iso.date(),
  indsatser: z.array(z.unknown()).min(1),
  forventet: z
    .array(
      z.strictObject({
        maal: z.string().regex(/^(faelles-[1-5]|strategi-[1-4])$/),
        enhed: z.string(),
        raekker: z.array(z.tuple([z.string(), z.string(), z.number().int().positive().nullable()])),
      }),
    )
    .min(1),
  grupper: z.record(z.string(), z.array(z.string())).optional(),
});

const metoderCase = z.strictObject({
  beskrivelse: z.string().min(1),
  type: z.literal('metoder'),
  asOf: z.iso.date(),
  indsats: z.unknown(),
  forventet: z.strictObject({
    vurderetPr: z.iso.date(),
    andelDokumenteret: brøk,
    advarsler: z.number().int().min(0),
    aktiviteter: z.array(z.strictObject({ id: z.string(), status: z.enum(['dokumenteret', 'ingen-metode', 'ukendt-metode', 'ukendt']), forslag: z.string().optional() })),
  }),
});

const caseSchema = z.discriminatedUnion('type', [fremdriftCase, rangeringCase, metoderCase]);
const frac = (a: { taeller: string; naevner: string } | null) => (a === null ? null : `${a.taeller}/${a.naevner}`);

function indsats(value: unknown, file: string): Indsats {
  const r = parseIndsats(value, { file });
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  return r.value;
}

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const cases = files.map((f) => ({ file: f, spec: caseSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))) }));

describe('fixtures/benchmark', () => {
  it('has cases for progress, ranking and the method check', () => {
    expect(new Set(cases.map((c) => c.spec.type))).toEqual(new Set(['fremdrift', 'rangering', 'metoder']));
  });

  for (const { file, spec } of cases) {
    describe(`${file}: ${spec.beskrivelse.slice(0, 60)}…`, () => {
      if (spec.type === 'fremdrift') {
        it.each(spec.tilfaelde.map((t) => [t.beskrivelse, t] as const))('%s', (_, t) => {
          const p = indikatorFremdrift(t.indikator, t.vaerdi);
          expect(frac(p.fremdrift)).toBe(t.forventet.fremdrift);
          expect(frac(p.fremdriftUcappet)).toBe(t.forventet.ucappet);
          expect(p.naaet).toBe(t.forventet.naaet);
          if (t.forventet.decimal !== undefined) expect(p.fremdrift?.decimal).toBe(t.forventet.decimal);
          if (t.forventet.ucappetDecimal !== undefined) expect(p.fremdriftUcappet?.decimal).toBe(t.forventet.ucappetDecimal);
          if (t.forventet.eksakt !== undefined) expect(p.fremdriftUcappet?.eksakt).toBe(t.forventet.eksakt);
          expect(p.ukendt).toBe(t.forventet.ukendt ?? null);
        });
      }
      if (spec.type === 'rangering') {
        const result = benchmarkIndsatser(
          spec.indsatser.map((v) => indsats(v, file)),
          { asOf: spec.asOf },
        );
        const section = (key: string) => {
          const [type, nr] = key.split('-');
          return (type === 'faelles' ? result.faellesMaal : result.strategiMaal).find((m) => m.nr === Number(nr));
        };
        it.each(spec.forventet.map((g) => [`${g.maal} ${g.enhed}`, g] as const))('%s', (_, g) => {
          const group = section(g.maal)?.grupper.find((x) => x.enhed === g.enhed);
          expect(group?.raekker.map((r) => [r.indsatsId, r.indikatorId, r.rang])).toEqual(g.raekker);
        });
        if (spec.grupper !== undefined) {
          it.each(Object.entries(spec.grupper))('%s has exactly the units %j', (key, units) => {
            expect(section(key)?.grupper.map((x) => x.enhed)).toEqual(units);
          });
        }
      }
      if (spec.type === 'metoder') {
        it('checks every activity against the catalogue in force at the start', () => {
          const m = assessIndsats(indsats(spec.indsats, file), { asOf: spec.asOf }).metoder;
          expect(m.vurderetPr).toBe(spec.forventet.vurderetPr);
          expect(frac(m.andelDokumenteret)).toBe(spec.forventet.andelDokumenteret);
          expect(m.advarsler).toHaveLength(spec.forventet.advarsler);
          expect(m.aktiviteter.map((a) => ({ id: a.aktivitetId, status: a.status, ...(a.forslag === undefined ? {} : { forslag: a.forslag }) }))).toEqual(spec.forventet.aktiviteter);
        });
      }
    });
  }
});
