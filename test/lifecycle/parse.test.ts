import { describe, expect, it } from 'vitest';
import { parseIndsats, parseIndsatser } from '../../src/lifecycle/parse.js';
import { makeIndsats } from './helpers.js';

describe('parseIndsats', () => {
  it('accepts a valid indsats and returns it frozen', () => {
    const r = parseIndsats(makeIndsats([]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.isFrozen(r.value)).toBe(true);
  });

  it('reports shape errors as input-invalid with a pointer and the id', () => {
    const bad = { ...makeIndsats([]), kind: 'helhedsplaan', events: [{ type: 'start', date: '2020-13-01' }] };
    const r = parseIndsats(bad, { file: 'x.json' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((d) => d.pointer).sort()).toEqual(['/events/0/date', '/kind']);
      expect(r.errors.every((d) => d.code === 'input-invalid' && d.id === 'test-indsats' && d.file === 'x.json')).toBe(true);
    }
  });

  it('rejects a decimal written as a float and an unknown event type', () => {
    const bad = makeIndsats([{ type: 'finansiering', date: '2020-01-01', udgiftPrLejemaalPrAar: 1500.5 } as never, { type: 'ukendt', date: '2020-01-02' } as never]);
    const r = parseIndsats(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((d) => d.pointer)).toEqual(['/events/0/udgiftPrLejemaalPrAar', '/events/1/type']);
  });

  it('reports event-rule violations and duplicate afdelinger', () => {
    const r = parseIndsats(makeIndsats([{ type: 'start', date: '2020-01-01' }], { afdelinger: ['A', 'A'] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((d) => d.code)).toEqual(['input-invalid', 'event-not-allowed']);
  });

  it('keeps the good indsatser of a list and locates the bad ones', () => {
    const r = parseIndsatser([makeIndsats([]), { id: 'x' }]);
    expect(r.indsatser).toHaveLength(1);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.every((d) => d.pointer?.startsWith('/1'))).toBe(true);
  });
});
