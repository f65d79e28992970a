import { differenceInCalendarDays, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { andelOf, procentOf } from '../../../src/lifecycle/andel.js';
import { indikatorFremdrift, vurderIndikator } from '../../../src/lifecycle/benchmark/indikator.js';
import { rankRows } from '../../../src/lifecycle/benchmark/rank.js';
import { rational } from '../../../src/financing/rational.js';
import type { Indikator } from '../../../src/lifecycle/schema.js';

const ned = { baseline: '20', maal: '15', retning: 'ned' as const };
const op = { baseline: '52.0', maal: '58.0', retning: 'op' as const };
const frac = (a: { taeller: string; naevner: string } | null) => (a === null ? null : `${a.taeller}/${a.naevner}`);
const parametre = { tendensPerioder: 3, perioderIStaa: 2, andelAfForventetFremdrift: '1' };

function indikator(retning: 'op' | 'ned', baseline: string, maal: string, values: readonly (readonly [string, string])[]): Indikator {
  return { id: 'i', navn: 'Indikator', enhed: 'pct.', baseline, maal, retning, maalinger: values.map(([dato, vaerdi], k) => ({ periode: `p${k + 1}`, dato, vaerdi })) };
}

describe('andelOf', () => {
  it('writes a terminating fraction exactly and rounds any other half-even to six decimals', () => {
    expect(andelOf(rational(1n, 8n))).toEqual({ taeller: '1', naevner: '8', decimal: '0.125', eksakt: true });
    expect(andelOf(rational(-1n, 2n))).toEqual({ taeller: '-1', naevner: '2', decimal: '-0.5', eksakt: true });
    expect(andelOf(rational(2n, 3n))).toEqual({ taeller: '2', naevner: '3', decimal: '0.666667', eksakt: false });
    expect(andelOf(rational(7n, 1n)).decimal).toBe('7');
  });

  it('rounds a percentage once from the exact fraction', () => {
    expect(procentOf(andelOf(rational(2n, 3n)))).toBe('66.7');
    // 0.12349999666…: its six-decimal form 0.123500 would round to 12,4 %; the exact value is 12,3 %
    const nearHalf = andelOf(rational(37049999n, 300000000n));
    expect(nearHalf.decimal).toBe('0.123500');
    expect(procentOf(nearHalf)).toBe('12.3');
  });
});

describe('indikatorFremdrift', () => {
  it('is the exact share of the way from baseline to target for an indicator where lower is better', () => {
    expect(frac(indikatorFremdrift(ned, '18').fremdrift)).toBe('2/5');
    expect(indikatorFremdrift(ned, '18').fremdrift?.decimal).toBe('0.4');
    expect(frac(indikatorFremdrift(ned, '20').fremdrift)).toBe('0/1');
    expect(indikatorFremdrift(ned, '15')).toMatchObject({ naaet: true, ukendt: null });
    expect(frac(indikatorFremdrift(ned, '15').fremdrift)).toBe('1/1');
  });

  it('caps a value past the target at 1 and keeps the uncapped value', () => {
    const past = indikatorFremdrift(ned, '14');
    expect(frac(past.fremdrift)).toBe('1/1');
    expect(frac(past.fremdriftUcappet)).toBe('6/5');
    expect(past.naaet).toBe(true);
    const over = indikatorFremdrift(op, '60.0');
    expect(frac(over.fremdriftUcappet)).toBe('4/3');
    expect(over.fremdriftUcappet).toMatchObject({ decimal: '1.333333', eksakt: false });
  });

  it('is negative when the value moved the wrong way', () => {
    const worse = indikatorFremdrift(ned, '21');
    expect(frac(worse.fremdrift)).toBe('-1/5');
    expect(worse.naaet).toBe(false);
    expect(frac(indikatorFremdrift(op, '49.0').fremdrift)).toBe('-1/2');
  });

  it('is unknown without a measurement, never 0', () => {
    expect(indikatorFremdrift(ned, null)).toEqual({ fremdrift: null, fremdriftUcappet: null, naaet: null, ukendt: 'ingen-maaling' });
  });

  it('is unknown, with the reason, when the target equals the baseline or lies on the worse side', () => {
    expect(indikatorFremdrift({ baseline: '3', maal: '3.0', retning: 'ned' }, '2').ukendt).toBe('maal-lig-baseline');
    expect(indikatorFremdrift({ baseline: '3', maal: '5', retning: 'ned' }, '4')).toMatchObject({ fremdrift: null, ukendt: 'retning-modstrider-maal' });
  });
});

describe('vurderIndikator', () => {
  const ctx = { asOf: '2025-06-01', startDato: '2023-07-01', slutDato: '2027-06-30', parametre };

  it('reads only measurements dated on or before asOf, the latest by date', () => {
    const ind = indikator('ned', '24', '18', [['2025-08-01', '19'], ['2024-02-01', '22.5'], ['2025-02-01', '20.6'], ['2024-08-01', '21.4']]);
    const v = vurderIndikator(ind, ctx);
    expect(v.seneste).toEqual({ periode: 'p3', dato: '2025-02-01', vaerdi: '20.6' });
    expect(frac(v.fremdrift)).toBe('17/30');
    expect(v.tendens.perioder.map((m) => m.vaerdi)).toEqual(['22.5', '21.4', '20.6']);
    expect(v.tendens).toMatchObject({ retning: 'fremgang', aendring: '-1.9' });
  });

  it('expects progress on a straight line from the start to the day after the end, by the measurement date', () => {
    const ind = indikator('ned', '24', '18', [['2025-02-01', '20.6']]);
    const v = vurderIndikator(ind, ctx);
    const elapsed = differenceInCalendarDays(parseISO('2025-02-01'), parseISO('2023-07-01'));
    const total = differenceInCalendarDays(parseISO('2027-06-30'), parseISO('2023-07-01')) + 1;
    expect(frac(v.forventetFremdrift)).toBe(`${elapsed}/${total}`);
    expect(v.paaRetteKurs).toBe(true); // 17/30 ≥ 581/1461
    const behind = vurderIndikator(indikator('ned', '24', '18', [['2025-02-01', '23']]), ctx);
    expect(behind.paaRetteKurs).toBe(false); // 1/6 < 581/1461
    const halfShare = vurderIndikator(indikator('ned', '24', '18', [['2025-02-01', '23']]), { ...ctx, parametre: { ...parametre, andelAfForventetFremdrift: '0.4' } });
    expect(halfShare.paaRetteKurs).toBe(true); // 1/6 ≥ 0.4 × 581/1461
  });

  it('is on track once the target is reached, and unknown without a start, an end or a measurement', () => {
    expect(vurderIndikator(indikator('ned', '24', '18', [['2023-08-01', '17']]), ctx).paaRetteKurs).toBe(true);
    expect(vurderIndikator(indikator('ned', '24', '18', [['2025-02-01', '20']]), { ...ctx, slutDato: null }).paaRetteKurs).toBeNull();
    expect(vurderIndikator(indikator('ned', '24', '18', []), ctx).paaRetteKurs).toBeNull();
  });

  it('has stalled when it did not improve in the last two periods and is not at target', () => {
    const stalled = vurderIndikator(indikator('ned', '27', '20', [['2024-02-01', '26.0'], ['2024-08-01', '26.5'], ['2025-02-01', '26.5']]), ctx);
    expect(stalled.gaaetIStaa).toBe(true);
    expect(stalled.tendens.retning).toBe('tilbagegang');
    const improvedOnce = vurderIndikator(indikator('ned', '27', '20', [['2024-02-01', '26.0'], ['2024-08-01', '26.5'], ['2025-02-01', '26.4']]), ctx);
    expect(improvedOnce.gaaetIStaa).toBe(false);
    const flat = vurderIndikator(indikator('op', '48', '56', [['2024-02-01', '49'], ['2024-08-01', '49'], ['2025-02-01', '49.0']]), ctx);
    expect(flat.gaaetIStaa).toBe(true);
    expect(flat.tendens.retning).toBe('uaendret');
  });

  it('has not stalled at target, and is unknown with too few measurements', () => {
    expect(vurderIndikator(indikator('ned', '27', '20', [['2024-02-01', '19'], ['2024-08-01', '19'], ['2025-02-01', '19']]), ctx).gaaetIStaa).toBe(false);
    const two = vurderIndikator(indikator('ned', '27', '20', [['2024-08-01', '26.5'], ['2025-02-01', '26.5']]), ctx);
    expect(two.gaaetIStaa).toBeNull();
    expect(two.evidens.join('\n')).toContain('kræver 3 målinger, der er 2');
    expect(vurderIndikator(indikator('ned', '27', '20', [['2025-02-01', '26.5']]), ctx).tendens.retning).toBe('ukendt');
  });
});

describe('rankRows', () => {
  const row = (indsatsId: string, capped: [bigint, bigint] | null, raw: [bigint, bigint] | null = capped) => ({
    indsatsId,
    indikatorId: 'i',
    fremdrift: capped === null ? null : andelOf(rational(...capped)),
    fremdriftUcappet: raw === null ? null : andelOf(rational(...raw)),
  });

  it('ranks by capped progress with equal rank for a tie, the larger uncapped first, unknown last and unranked', () => {
    const ranked = rankRows([row('c', [1n, 2n]), row('ukendt', null), row('a', [1n, 1n], [6n, 5n]), row('b', [1n, 1n], [4n, 3n]), row('d', [-1n, 5n])]);
    expect(ranked.map((r) => [r.indsatsId, r.rang])).toEqual([
      ['b', 1],
      ['a', 1],
      ['c', 3],
      ['d', 4],
      ['ukendt', null],
    ]);
  });

  it('breaks a full tie by id, so the order never depends on the input order', () => {
    const rows = [row('z', [1n, 3n]), row('y', [2n, 6n])];
    expect(rankRows(rows).map((r) => [r.indsatsId, r.rang])).toEqual([
      ['y', 1],
      ['z', 1],
    ]);
    expect(rankRows([...rows].reverse()).map((r) => r.indsatsId)).toEqual(['y', 'z']);
  });
});
