/**
 * formatFinancingCsv, every line: a header with the years as columns, one line per funder
 * and a funders' total line ("i-alt", share 1, the year totals and the budget), then per
 * table split between afdelinger one line per afdeling (its share to six decimals) and
 * that table's total line — Danish numbers to the øre, quoted where they hold a comma.
 *
 * The worked example's figures are derived by hand in test/financing/worked-example.test.ts;
 * the others are worked out in the comments here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocateFinancing } from '../../src/financing/default-rules.js';
import { formatFinancingCsv } from '../../src/financing/format.js';
import type { AllocateOptions, BudgetInput } from '../../src/financing/types.js';

type Plan = AllocateOptions & { budget: BudgetInput };
const fixture = (name: string) => JSON.parse(readFileSync(`fixtures/financing/${name}.json`, 'utf8')) as Plan;
const csvLines = (text: string) => {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
};

describe('formatFinancingCsv', () => {
  it('writes the worked example: three funders, their total, five afdelinger and theirs', () => {
    const plan = fixture('helhedsplan-2024');
    expect(csvLines(formatFinancingCsv(allocateFinancing(plan.budget, plan)))).toEqual([
      'tabel,id,navn,andel,2024,2025,2026,2027,2028,i_alt',
      'kilde,lbf,Landsbyggefonden,"0,75","1.885.010,27","2.248.459,95","2.248.459,96","2.248.459,96","369.609,86","9.000.000,00"',
      'kilde,koebenhavns-kommune,Københavns Kommune,"0,125","314.168,38","374.743,33","374.743,32","374.743,33","61.601,64","1.500.000,00"',
      'kilde,boligorganisation-afdelinger,Boligorganisation/afdelinger,"0,125","314.168,38","374.743,33","374.743,33","374.743,32","61.601,64","1.500.000,00"',
      'kilde,i-alt,I alt,1,"2.513.347,03","2.997.946,61","2.997.946,61","2.997.946,61","492.813,14","12.000.000,00"',
      'afdeling:boligorganisation-afdelinger,afd-101,Lærkeparken,"0,4","125.667,35","149.897,33","149.897,33","149.897,33","24.640,66","600.000,00"',
      'afdeling:boligorganisation-afdelinger,afd-102,Stærevej,"0,25","78.542,10","93.685,83","93.685,83","93.685,83","15.400,41","375.000,00"',
      'afdeling:boligorganisation-afdelinger,afd-103,Mågehusene,"0,18","56.550,31","67.453,80","67.453,80","67.453,80","11.088,29","270.000,00"',
      'afdeling:boligorganisation-afdelinger,afd-104,Svalegården,"0,12","37.700,20","44.969,20","44.969,20","44.969,20","7.392,20","180.000,00"',
      'afdeling:boligorganisation-afdelinger,afd-105,Vibehuset,"0,05","15.708,42","18.737,17","18.737,17","18.737,16","3.080,08","75.000,00"',
      'afdeling:boligorganisation-afdelinger,i-alt,I alt,1,"314.168,38","374.743,33","374.743,33","374.743,32","61.601,64","1.500.000,00"',
    ]);
  });

  it('writes a per-year budget split by boligareal, shares to six decimals', () => {
    // 900.000 / 1.100.000 / 1.000.000 at 60 / 30 / 10 %; the afdelinger's 10 % split
    // 15.750,5 : 6.650 of 22.400,5 m² = 0,70313163… : 0,29686836… (→ 0,703132 and 0,296868);
    // 90.000 · 0,70313163 = 63.281,85, 110.000 · … = 77.344,48, 100.000 · … = 70.313,16 (sum 210.939,49);
    // Skovbrynet the rest of each year: 26.718,15, 32.655,52, 29.686,84 (sum 89.060,51).
    const plan = fixture('lokalt-udviklingsprojekt-2025');
    expect(csvLines(formatFinancingCsv(allocateFinancing(plan.budget, plan)))).toEqual([
      'tabel,id,navn,andel,2025,2026,2027,i_alt',
      'kilde,fond,Fonden,"0,6","540.000,00","660.000,00","600.000,00","1.800.000,00"',
      'kilde,koebenhavns-kommune,Københavns Kommune,"0,3","270.000,00","330.000,00","300.000,00","900.000,00"',
      'kilde,afdelinger,Afdelingerne,"0,1","90.000,00","110.000,00","100.000,00","300.000,00"',
      'kilde,i-alt,I alt,1,"900.000,00","1.100.000,00","1.000.000,00","3.000.000,00"',
      'afdeling:afdelinger,afd-201,Engparken,"0,703132","63.281,85","77.344,48","70.313,16","210.939,49"',
      'afdeling:afdelinger,afd-202,Skovbrynet,"0,296868","26.718,15","32.655,52","29.686,84","89.060,51"',
      'afdeling:afdelinger,i-alt,I alt,1,"90.000,00","110.000,00","100.000,00","300.000,00"',
    ]);
  });

  it('writes one table per funder split between afdelinger, the id as the name of an unnamed afdeling', () => {
    // 1.000.000,00 kr. in 2026; two funders of 40 % each split by fixed shares 0,75 / 0,25:
    // 400.000 → 300.000 + 100.000 each; the fund's 20 % is not split.
    const a = allocateFinancing(
      { periode: { from: '2026-01-01', to: '2026-12-31' }, total: '1000000.00' },
      {
        scheme: 'financing-lokalt-udviklingsprojekt',
        asOf: '2026-01-01',
        key: 'andel',
        funders: [
          { id: 'fond', navn: 'Fonden', share: '0.2', lokal: false },
          { id: 'drift', navn: 'Driften', share: '0.4', lokal: true, afdelinger: true },
          { id: 'husleje', navn: 'Huslejen', share: '0.4', lokal: true, afdelinger: true },
        ],
        afdelinger: [
          { id: 'a-1', navn: 'Ahorn', andel: '0.75' },
          { id: 'a-2', andel: '0.25' },
        ],
      },
    );
    expect(csvLines(formatFinancingCsv(a))).toEqual([
      'tabel,id,navn,andel,2026,i_alt',
      'kilde,fond,Fonden,"0,2","200.000,00","200.000,00"',
      'kilde,drift,Driften,"0,4","400.000,00","400.000,00"',
      'kilde,husleje,Huslejen,"0,4","400.000,00","400.000,00"',
      'kilde,i-alt,I alt,1,"1.000.000,00","1.000.000,00"',
      'afdeling:drift,a-1,Ahorn,"0,75","300.000,00","300.000,00"',
      'afdeling:drift,a-2,a-2,"0,25","100.000,00","100.000,00"',
      'afdeling:drift,i-alt,I alt,1,"400.000,00","400.000,00"',
      'afdeling:husleje,a-1,Ahorn,"0,75","300.000,00","300.000,00"',
      'afdeling:husleje,a-2,a-2,"0,25","100.000,00","100.000,00"',
      'afdeling:husleje,i-alt,I alt,1,"400.000,00","400.000,00"',
    ]);
  });
});
