/**
 * Classifying many rows one at a time (issue 11, scale): `classifyEach` gives what
 * classifying each row alone with its earlier rows as history gives (the batch's
 * memory of earlier lists' statuses changes nothing), and the streamed JSON, CSV and
 * table writers give what the whole-list formatters give.
 */
import { describe, expect, it } from 'vitest';
import { historikFraRaekker } from '../../src/classification/batch.js';
import { readBoligomraaderCsv } from '../../src/classification/csv.js';
import { formatKlassifikationJson, klassifikationJson, type UdfaldRaekke } from '../../src/classification/format.js';
import { listeRaekkeSchema, type ListeRaekke } from '../../src/classification/input.js';
import { generateBoligomraaderCsv } from '../../fixtures/classification/generator.js';
import { classifyBoligomraader, classifyEach, classifyBoligomraade } from '../../src/classification/index.js';

const csv = readBoligomraaderCsv(generateBoligomraaderCsv(120, 7).text, 'gen.csv');
const values = csv.entries.map((e) => e.value);

describe('classifyEach', () => {
  it('reads the generated rows without a problem', () => {
    expect(csv.diagnostics).toEqual([]);
    expect(values.length).toBeGreaterThanOrEqual(120);
  });

  it.each([[[]], [['ikke-vestlige']]] as const)('gives, row by row, what classifying the row alone with its earlier rows as history gives (disable %j)', (disable) => {
    const rows = values.map((v) => listeRaekkeSchema.parse(v));
    const byId = new Map<string, ListeRaekke[]>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    const streamed = [...classifyEach(values, { disable })];
    expect(streamed).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      const { listedato, offentliggjortParallelsamfund, ...data } = row;
      const alone = classifyBoligomraade(data, { listedato, offentliggjortParallelsamfund, history: historikFraRaekker(byId.get(row.id) ?? [], listedato), disable });
      const got = streamed[i];
      expect(got?.ok, row.id).toBe(true);
      if (got?.ok !== true) return;
      expect(got.klassifikation.kategorier, `${row.id} ${listedato}`).toEqual(alone.kategorier);
      expect(got.klassifikation.historik).toEqual(alone.historik);
      expect(got.klassifikation.afvigelser).toEqual(alone.afvigelser);
    });
  });

  it('gives what classifyBoligomraader gives, one result at a time', () => {
    expect([...classifyEach(values)]).toEqual(classifyBoligomraader(values));
  });
});

describe('the streamed JSON writer', () => {
  it('writes byte for byte what JSON.stringify of the whole list gives, and [] for none', () => {
    const out: UdfaldRaekke[] = classifyBoligomraader(values.slice(0, 30)).map((b) => (b.ok ? { ok: true, klassifikation: b.klassifikation } : { ok: false, row: b.index + 1, errors: b.errors }));
    out.push({ ok: false, row: 31, id: 'x', errors: [] });
    expect(formatKlassifikationJson(out)).toBe(`${JSON.stringify(out.map(klassifikationJson), null, 2)}\n`);
    expect(formatKlassifikationJson([])).toBe('[]\n');
  });
});
