/**
 * Stop parameter 5 takes "for høj udgift" from financing: the financing-affordability
 * rule owns the threshold, lifecycle has no copy of it.
 */
import { describe, expect, it } from 'vitest';
import { parseIndsats } from '../../src/lifecycle/parse.js';
import { bundledRegistry } from '../../src/shipped.js';
import { readFileSync } from 'node:fs';
import { assessIndsats } from '../../src/lifecycle/index.js';

const base = JSON.parse(readFileSync('fixtures/indsatser/bispebjerg-hp-2019.json', 'utf8')) as { events: Record<string, unknown>[] };

function withFinansiering(extra: Record<string, unknown>) {
  // the last finansiering event carries the cost but no verdict
  const events = base.events.map((e) => {
    if (e.type !== 'finansiering') return e;
    const { forHoejUdgift: _drop, ...rest } = e;
    return { ...rest, ...extra };
  });
  const parsed = parseIndsats({ ...base, events }, { file: 'bispebjerg-hp-2019.json' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe('stop parameter 5 and financing affordability', () => {
  it('lifecycle rules hold no threshold of their own for the cost per lejemål', () => {
    const rs = bundledRegistry().inForce('lifecycle', '2022-06-01');
    expect(Object.keys(rs.parameters)).not.toContain('maksUdgiftPrLejemaalPrAar');
    expect(rs.facts).not.toContain('udgiftPrLejemaalPrAar');
  });

  it.each([
    ['2000.01', 'opfyldt'],
    ['2000', 'ukendt'],
  ])('a reported cost of %s kr. is judged by the financing rule: %s', (udgift, resultat) => {
    const indsats = withFinansiering({ udgiftPrLejemaalPrAar: udgift, eksternFinansieringFortsat: false });
    const a = assessIndsats(indsats, { asOf: '2022-06-01' });
    const stop5 = a.stop.find((s) => s.nr === 5);
    expect(stop5?.resultat).toBe(resultat);
    expect(stop5?.evidens.join(' ')).toContain('financing-affordability');
  });
});
