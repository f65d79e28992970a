/**
 * The worked example: a 4-year helhedsplan of 12.000.000 kr. from 1 March 2024 to
 * 29 February 2028 across five afdelinger (480, 300, 216, 144 and 60 lejemål), split
 * 75/12,5/12,5. Every figure below was worked out by hand, not by running the code.
 *
 * Days: 2024 has 306 days from 1 March (366 − 31 − 29), 2025–2027 365 each, 2028 60
 * (31 + 29); 1.461 days in all. Exact values in øre (fractions of 1/1461 øre):
 *   year 2024  = 1.200.000.000 · 306/1461 = 251.334.702 + 378/1461
 *   2025–2027  = 1.200.000.000 · 365/1461 = 299.794.661 + 279/1461
 *   2028       = 1.200.000.000 ·  60/1461 =  49.281.314 + 246/1461
 *   LBF ·3/4:   2024 188.501.026 + 1014/1461; 2025–27 224.845.995 + 1305/1461; 2028 36.960.985 + 915/1461
 *   KK, afd. ·1/8: 2024 31.416.837 + 1143/1461; 2025–27 37.474.332 + 948/1461; 2028 6.160.164 + 396/1461
 *   afdelingernes andel · 0,40 / 0,25 / 0,18 / 0,12 / 0,05 (480/300/216/144/60 af 1.200 lejemål):
 *     2024: 12.566.735 +165, 7.854.209 +651, 5.655.030 +1170, 3.770.020 +780, 1.570.841 +1299
 *     2025–27: 14.989.733 +87, 9.368.583 +237, 6.745.379 +1281, 4.496.919 +1341, 1.873.716 +924
 *     2028: 2.464.065 +1035, 1.540.041 +99, 1.108.829 +831, 739.219 +1041, 308.008 +312
 * Rounding by hand with the documented method: nearest øre first, which leaves the
 * budget 1 øre short (year sums .02 + 3 · .61 + .14), LBF and KK 1 øre over, 2028's
 * afdelings-subtotal 1 øre under its cells, Stærevej 1 øre under and Mågehusene,
 * Svalegården and Vibehuset 1 øre over. The shortest chains, in edge order, then move:
 * 2024's total up (.03); LBF 2025 down; KK 2026 down; Mågehusene 2028 down;
 * Svalegården 2024 down and Stærevej 2024 up; Vibehuset 2027 down with the
 * afdelingernes 2027 subtotal.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stopParameter5Facts } from '../../src/financing/affordability.js';
import { allocateFinancing } from '../../src/financing/default-rules.js';
import type { AllocateOptions, BudgetInput } from '../../src/financing/types.js';

const plan = JSON.parse(readFileSync('fixtures/financing/helhedsplan-2024.json', 'utf8')) as AllocateOptions & { budget: BudgetInput };
const a = allocateFinancing(plan.budget, plan);

describe('worked example: helhedsplan 2024–2028, 12.000.000 kr.', () => {
  it('splits the period by days', () => {
    expect(a.aar).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(a.dagePrAar).toEqual([306, 365, 365, 365, 60]);
    expect(a.budget).toBe('12000000.00');
    expect(a.aarTotaler).toEqual(['2513347.03', '2997946.61', '2997946.61', '2997946.61', '492813.14']);
  });

  it('splits by funder 75 / 12,5 / 12,5', () => {
    expect(a.funders.map((f) => [f.id, f.share, f.total])).toEqual([
      ['lbf', '0.75', '9000000.00'],
      ['koebenhavns-kommune', '0.125', '1500000.00'],
      ['boligorganisation-afdelinger', '0.125', '1500000.00'],
    ]);
    expect(a.funders[0]?.perAar).toEqual(['1885010.27', '2248459.95', '2248459.96', '2248459.96', '369609.86']);
    expect(a.funders[1]?.perAar).toEqual(['314168.38', '374743.33', '374743.32', '374743.33', '61601.64']);
    expect(a.funders[2]?.perAar).toEqual(['314168.38', '374743.33', '374743.33', '374743.32', '61601.64']);
  });

  it('splits the afdelinger’s share by lejemål', () => {
    const t = a.afdelingsfordeling[0];
    expect(a.afdelingsfordeling).toHaveLength(1);
    expect(t?.funder).toBe('boligorganisation-afdelinger');
    expect(t?.rows.map((r) => [r.id, r.andel, r.total])).toEqual([
      ['afd-101', '0.400000', '600000.00'],
      ['afd-102', '0.250000', '375000.00'],
      ['afd-103', '0.180000', '270000.00'],
      ['afd-104', '0.120000', '180000.00'],
      ['afd-105', '0.050000', '75000.00'],
    ]);
    expect(t?.rows.map((r) => r.perAar)).toEqual([
      ['125667.35', '149897.33', '149897.33', '149897.33', '24640.66'],
      ['78542.10', '93685.83', '93685.83', '93685.83', '15400.41'],
      ['56550.31', '67453.80', '67453.80', '67453.80', '11088.29'],
      ['37700.20', '44969.20', '44969.20', '44969.20', '7392.20'],
      ['15708.42', '18737.17', '18737.17', '18737.16', '3080.08'],
    ]);
    expect(t?.aarTotaler).toEqual(['314168.38', '374743.33', '374743.33', '374743.32', '61601.64']);
  });

  it('tells each afdeling what it pays now and if it paid everything', () => {
    const b = a.betalingsevne;
    expect(b.periodeAar).toBe('4.0000');
    expect(b.afdelinger.map((x) => [x.id, x.nu.samlet, x.nu.prAar, x.nu.prLejemaalPrAar, x.nu.pctAfHusleje, x.nu.forHoejUdgift])).toEqual([
      ['afd-101', '600000.00', '150000.00', '312.50', '0.40', false],
      ['afd-102', '375000.00', '93750.00', '312.50', '0.37', false],
      ['afd-103', '270000.00', '67500.00', '312.50', '0.35', false],
      ['afd-104', '180000.00', '45000.00', '312.50', '0.43', false],
      ['afd-105', '75000.00', '18750.00', '312.50', '0.31', false],
    ]);
    const u = b.afdelinger.map((x) => x.udenEksternFinansiering);
    expect(u.map((x) => [x.samlet, x.prAar, x.prLejemaalPrAar, x.pctAfHusleje, x.forHoejUdgift])).toEqual([
      ['4800000.00', '1200000.00', '2500.00', '3.21', true],
      ['3000000.00', '750000.00', '2500.00', '2.98', true],
      ['2160000.00', '540000.00', '2500.00', '2.78', true],
      ['1440000.00', '360000.00', '2500.00', '3.47', true],
      ['600000.00', '150000.00', '2500.00', '2.50', true],
    ]);
    expect(b.afdelinger[1]?.forklaring).toContain('2.500,00 kr. pr. lejemål pr. år');
    expect(b.afdelinger[1]?.forklaring).toContain('for høj økonomisk udgift');
  });

  it('explains itself in Danish, including the rounding', () => {
    expect(a.forklaring.join('\n')).toContain('2024: 306 af 1.461 dage');
    expect(a.afrunding.forklaring).toContain('rundet enten ned eller op til nærmeste hele øre');
    expect(Object.isFrozen(a) && Object.isFrozen(a.funders) && Object.isFrozen(a.funders[0])).toBe(true);
  });
});

describe('stop parameter 5 facts', () => {
  it('summarises the worked example for the lifecycle rules', () => {
    expect(stopParameter5Facts(a.betalingsevne)).toEqual({ udgiftPrLejemaalPrAar: '2500.00', forHoejUdgift: true });
  });
});
