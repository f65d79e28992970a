import { describe, expect, it } from 'vitest';
import { readBoligomraaderCsv } from '../../src/classification/csv.js';
import { classifyBoligomraader } from '../../src/classification/index.js';

const area = { beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '65', indkomstPctAfRegion: '70', domfaeltePct: '1', domfaelteLandsgennemsnitPct: '1' };

describe('classifyBoligomraader', () => {
  it('uses earlier rows of the same id as history, in any input order', () => {
    const rows = [2021, 2017, 2018, 2019, 2020].map((y) => ({ id: 'a', listedato: `${y}-12-01`, offentliggjortParallelsamfund: y !== 2021 ? true : null, ...area }));
    const out = classifyBoligomraader(rows);
    const y2021 = out[0];
    expect(y2021?.ok && y2021.klassifikation.kategorier.omdannelse?.outcome).toBe(true);
    // 2017 is under the 2013 rules and has no omdannelse category
    const y2017 = out[1];
    expect(y2017?.ok && 'omdannelse' in y2017.klassifikation.kategorier).toBe(false);
    // 2020: 2016 is missing, so the 5-year window is not known
    const y2020 = out[4];
    expect(y2020?.ok && y2020.klassifikation.kategorier.omdannelse?.outcome).toBeNull();
  });

  it('returns bad rows with their reasons and still classifies the rest', () => {
    const out = classifyBoligomraader([{ id: 'a', listedato: '2021-12-01', ...area }, { id: 'b', listedato: '2021-12-01', beboere: 'mange' }, { listedato: '2021-12-01' }, 'ikke et objekt']);
    expect(out.map((r) => r.ok)).toEqual([true, false, false, false]);
    const bad = out[1];
    expect(!bad?.ok && bad?.errors[0]).toMatchObject({ code: 'input-row', row: 2, field: 'beboere', id: 'b' });
    const noId = out[2];
    expect(!noId?.ok && noId?.errors.map((e) => e.field)).toContain('id');
  });
});

describe('readBoligomraaderCsv', () => {
  it('reads comma and semicolon files with decimal point or comma, Danish thousands and ja/nej', () => {
    const comma = readBoligomraaderCsv('id,listedato,beboere,uden_arbejde_pct,offentliggjort_parallelsamfund\na,2021-12-01,1.200,40.1,ja\n', 'x.csv');
    const semi = readBoligomraaderCsv('id;listedato;beboere;uden_arbejde_pct;offentliggjort_parallelsamfund\na;2021-12-01;1200;40,1;Nej\n', 'y.csv');
    expect(comma.entries[0]?.value).toEqual({ id: 'a', listedato: '2021-12-01', beboere: 1200, udenArbejdePct: '40.1', offentliggjortParallelsamfund: true });
    expect(semi.entries[0]?.value).toEqual({ id: 'a', listedato: '2021-12-01', beboere: 1200, udenArbejdePct: '40.1', offentliggjortParallelsamfund: false });
  });

  it('treats blank cells as unknown and reports missing required and unknown columns', () => {
    const blank = readBoligomraaderCsv('id,listedato,uden_arbejde_pct\na,2021-12-01,\n', 'x.csv');
    expect(blank.entries[0]?.value).toEqual({ id: 'a', listedato: '2021-12-01' });
    const missing = readBoligomraaderCsv('id,beboer\na,1200\n', 'x.csv');
    expect(missing.diagnostics.map((d) => [d.severity, d.field])).toEqual([
      ['error', 'listedato'],
      ['warning', 'beboer'],
    ]);
    expect(missing.entries[0]?.errors[0]?.field).toBe('listedato');
  });
});
