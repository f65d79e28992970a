import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAfdelingerCsv } from '../../src/screening/csv.js';
import { afdelingerToCsv, generateAfdelinger } from '../../fixtures/screening/generator.js';

const FEJL = 'fixtures/screening/afdelinger-fejl.csv';

describe('readAfdelingerCsv on malformed rows', () => {
  const read = readAfdelingerCsv(readFileSync(FEJL, 'utf8'), FEJL);

  it('reads the good rows', () => {
    expect(read.afdelinger.map((a) => [a.id, a.perioder.map((p) => p.periode)])).toEqual([
      ['901', ['2023-12-01', '2024-12-01']],
      ['909', ['2024-12-01']],
    ]);
    // blank cells are unknown figures, not zero
    expect(read.afdelinger[1]?.perioder[0]?.kontanthjaelp).toBeUndefined();
  });

  it('reports each bad row with row number, column and reason', () => {
    const errors = read.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.row, d.field, d.code, d.message]);
    expect(errors).toEqual([
      [3, undefined, 'input-row', 'rækken har 30 celler, men overskriften har 33 kolonner'],
      [4, 'fraflytninger', 'input-row', '"mange" er ikke et tal (fraflytninger i perioden (12 måneder))'],
      [5, 'restancer', 'input-row', 'lejemål i restance ved opgørelsen må ikke være negativ (-3)'],
      [6, 'overfoerselsindkomst', 'input-row', 'overfoerselsindkomst (300) er større end voksne_18_64 (260)'],
      [7, 'periode', 'input-row', '"2024-13-01" er ikke en gyldig dato'],
      [8, 'periode', 'input-row', '"december 2024" er ikke en gyldig dato'],
      [9, 'stand_bygninger', 'input-row', 'bygningernes stand (karakter 1 god – 5 kritisk) skal være mellem 1 og 5 (7)'],
    ]);
    expect(read.diagnostics.every((d) => d.file === FEJL && (d.row === undefined || d.line === d.row + 1))).toBe(true);
    expect(read.diagnostics.find((d) => d.row === 5)?.id).toBe('904');
  });

  it('fails the whole file when a required column is missing, naming it', () => {
    const file = 'fixtures/screening/afdelinger-mangler-kolonne.csv';
    const r = readAfdelingerCsv(readFileSync(file, 'utf8'), file);
    expect(r.afdelinger).toEqual([]);
    expect(r.diagnostics.map((d) => [d.field, d.message])).toEqual([['periode', 'kolonnen periode mangler i overskriften']]);
  });

  it('warns about a missing optional column and treats its figure as unknown', () => {
    const text = 'afdeling_id;navn;boligorganisation;kommune;lejemaal;boligareal_m2;beboere;periode;fraflytninger;lejemal_typo\n7;Syvgården;fsb;København;100;7.500,5;210;2024-12-01;12;x\n';
    const r = readAfdelingerCsv(text, 'semi.csv');
    expect(r.afdelinger).toHaveLength(1);
    expect(r.afdelinger[0]?.boligarealM2).toBe('7500.5');
    expect(r.afdelinger[0]?.perioder[0]?.fraflytninger).toBe(12);
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.some((d) => d.field === 'husleje_kr_m2')).toBe(true);
    expect(warnings.find((d) => d.field === 'lejemal_typo')?.message).toBe('ukendt kolonne lejemal_typo ignoreres');
    expect(r.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('reads Danish thousands grouping in a count column as a whole number, as classification does, and still rejects decimals', () => {
    const header = 'afdeling_id;navn;boligorganisation;kommune;lejemaal;boligareal_m2;beboere;periode;fraflytninger';
    const text = [header, '1;A;fsb;København;1.200;80.000;2.345;2024-12-01;1.001', '2;B;fsb;København;100;7000;12,5;2024-12-01;3', '3;C;fsb;København;100;7000;1.2345;2024-12-01;3'].join('\n');
    const r = readAfdelingerCsv(text, 'tusinder.csv');
    expect(r.afdelinger.map((a) => [a.id, a.lejemaal, a.beboere, a.perioder[0]?.fraflytninger])).toEqual([['1', 1200, 2345, 1001]]);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.row, d.field, d.message])).toEqual([
      [2, 'beboere', 'antal beboere skal være et helt tal (12,5)'],
      [3, 'beboere', 'antal beboere skal være et helt tal (1.2345)'],
    ]);
  });

  it('rejects a row whose base data contradicts an earlier row of the same afdeling, and a repeated period', () => {
    const header = 'afdeling_id,navn,boligorganisation,kommune,lejemaal,boligareal_m2,beboere,periode';
    const text = [header, '1,A,fsb,København,100,7000,200,2023-12-01', '1,A,fsb,København,120,7000,200,2024-12-01', '1,A,fsb,København,100,7000,200,2023-12-01'].join('\n');
    const r = readAfdelingerCsv(text, 'x.csv');
    expect(r.afdelinger[0]?.perioder).toHaveLength(1);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.row, d.field])).toEqual([
      [2, 'lejemaal'],
      [3, 'periode'],
    ]);
  });

  it('reads the status column per period: "ingen" is no list, blank is unknown, | separates several', () => {
    const header = 'afdeling_id,navn,boligorganisation,kommune,boligomraade,boligomraade_status,lejemaal,boligareal_m2,beboere,periode';
    const text = [header, '1,A,fsb,København,Nord,ingen,100,7000,200,2022-12-01', '1,A,fsb,København,Nord,,100,7000,200,2023-12-01', '1,A,fsb,København,Nord,udsat|parallelsamfund,100,7000,200,2024-12-01'].join('\n');
    const r = readAfdelingerCsv(text, 'x.csv');
    expect(r.afdelinger[0]?.perioder.map((p) => p.boligomraadeStatus)).toEqual([[], undefined, ['udsat', 'parallelsamfund']]);
  });
});

describe('the fixture generator', () => {
  it('reproduces fixtures/afdelinger.csv exactly', () => {
    expect(afdelingerToCsv(generateAfdelinger(60))).toBe(readFileSync('fixtures/afdelinger.csv', 'utf8'));
  });

  it('writes CSV that reads back to the same afdelinger', () => {
    const generated = generateAfdelinger(25, { seed: 7 });
    const read = readAfdelingerCsv(afdelingerToCsv(generated), 'g.csv');
    expect(read.diagnostics).toEqual([]);
    expect(read.afdelinger.map((a) => a.id)).toEqual(generated.map((a) => a.id));
    expect(read.afdelinger[3]?.perioder[2]?.restancer).toBe(generated[3]?.perioder[2]?.restancer);
  });
});
