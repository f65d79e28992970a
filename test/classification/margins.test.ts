import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marginsOf } from '../../src/classification/margins.js';
import type { CompiledRuleSet } from '../../src/engine/types.js';
import { loadRuleSetText } from '../../src/shipped.js';
import { runs } from '../support/runs.js';

const SHIPPED = 'rules/classification/2021-11-30.json';

type Definition = { conditions: Record<string, { title?: string; condition: Record<string, unknown> }>; parameters: Record<string, { value: unknown }> };

/** The shipped 2021 rules with the named condition `name` changed as `edit` says. */
function rulesWith(edit: (d: Definition) => void): CompiledRuleSet {
  const file = JSON.parse(readFileSync(SHIPPED, 'utf8')) as Definition;
  edit(file);
  const loaded = loadRuleSetText(JSON.stringify(file), '2021-11-30.json');
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("; "));
  return loaded.value;
}

const OPERATORS = {
  '>': 'decimalGreaterThan',
  '≥': 'decimalGreaterThanInclusive',
  '<': 'decimalLessThan',
  '≤': 'decimalLessThanInclusive',
} as const;
type Order = keyof typeof OPERATORS;

/** "t/n · 100 op h/10" decided by integers alone: t · 1000 op h · n. */
function holdsByIntegers(op: Order, t: number, n: number, hTenths: number): boolean {
  const a = t * 1000;
  const b = hTenths * n;
  return op === '>' ? a > b : op === '≥' ? a >= b : op === '<' ? a < b : a <= b;
}

/** An exact decimal string of t/n · 100 for a denominator that divides a power of ten. */
function pct(t: number, n: number): string {
  const scaled = (BigInt(t) * 100_000_000n) / BigInt(n);
  const int = scaled / 1_000_000n;
  const frac = (scaled % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return frac === '' ? int.toString() : `${int}.${frac}`;
}

const udenArbejde = (rs: CompiledRuleSet, t: number, n: number) => {
  const m = marginsOf(rs, { udenArbejdePct: pct(t, n) }, { udenArbejde: t, beboere18til64: n }).find((x) => x.betingelse === 'uden-arbejde');
  if (m === undefined) throw new Error('no margin for uden-arbejde');
  return m;
};

describe('marginsOf', () => {
  const ruleSets = new Map(
    (Object.keys(OPERATORS) as Order[]).map((op) => [
      op,
      rulesWith((d) => {
        const c = d.conditions['uden-arbejde'];
        if (c === undefined) throw new Error('no uden-arbejde');
        c.condition.operator = OPERATORS[op];
      }),
    ]),
  );

  it('for every order operator: opfyldt agrees with integer arithmetic, and the persons it names are the fewest that flip the criterion', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Order>('>', '≥', '<', '≤'),
        fc.constantFrom(100, 200, 250, 400, 500, 800, 1000, 1250, 2000),
        fc.nat({ max: 1000 }),
        fc.integer({ min: 1, max: 999 }),
        (op, n, tRaw, hTenths) => {
          const t = tRaw % (n + 1);
          // the case's own threshold, written into the condition
          const h = hTenths % 10 === 0 ? String(hTenths / 10) : `${Math.floor(hTenths / 10)}.${hTenths % 10}`;
          const own = rulesWith((d) => {
            const c = d.conditions['uden-arbejde'];
            if (c === undefined) throw new Error('no uden-arbejde');
            c.condition.operator = OPERATORS[op];
            c.condition.value = h;
          });
          const m = udenArbejde(own, t, n);
          const met = holdsByIntegers(op, t, n, hTenths);
          expect(m.opfyldt).toBe(met);
          if (m.personer === undefined) {
            // no count from 0 to n flips it: check both ends
            for (let u = 0; u <= n; u += 1) expect(holdsByIntegers(op, u, n, hTenths)).toBe(met);
            return;
          }
          const more = m.tekst.includes(' flere ');
          expect(m.tekst.includes(' færre ')).toBe(!more);
          const step = more ? 1 : -1;
          expect(holdsByIntegers(op, t + step * m.personer, n, hTenths)).toBe(!met);
          if (m.personer > 1) expect(holdsByIntegers(op, t + step * (m.personer - 1), n, hTenths)).toBe(met);
          expect(m.tekst).toContain(`(kriteriet ${met ? 'ikke længere opfyldt' : 'opfyldt'})`);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('says where the count brings the area for each operator', () => {
    const text = (op: Order, t: number) => udenArbejde(ruleSets.get(op) as CompiledRuleSet, t, 1000).tekst;
    // threshold 40 %: 400 of 1,000
    expect(text('>', 401)).toContain('1 beboer færre uden for arbejdsmarkedet ville bringe området ned på højst 40 %');
    expect(text('>', 400)).toContain('1 beboer flere uden for arbejdsmarkedet ville bringe området over 40 %');
    expect(text('≥', 400)).toContain('1 beboer færre uden for arbejdsmarkedet ville bringe området under 40 %');
    expect(text('≥', 398)).toContain('2 beboere flere uden for arbejdsmarkedet ville bringe området op på mindst 40 %');
    expect(text('<', 399)).toContain('1 beboer flere uden for arbejdsmarkedet ville bringe området op på mindst 40 %');
    expect(text('<', 400)).toContain('1 beboer færre uden for arbejdsmarkedet ville bringe området under 40 %');
    expect(text('≤', 400)).toContain('1 beboer flere uden for arbejdsmarkedet ville bringe området over 40 %');
    expect(text('≤', 403)).toContain('3 beboere færre uden for arbejdsmarkedet ville bringe området ned på højst 40 %');
  });

  it('writes person counts with thousands separators and one beboer in the singular', () => {
    const shipped = rulesWith(() => undefined);
    const m = marginsOf(shipped, { udenArbejdePct: '10', beboere: 999 }, { udenArbejde: 1000, beboere18til64: 10000, beboere: 999 });
    expect(m.find((x) => x.betingelse === 'uden-arbejde')?.tekst).toContain('3.001 beboere flere uden for arbejdsmarkedet');
    const b = rulesWith((d) => {
      d.conditions['beboere-mindst'] = { title: 'Mindst 1.000 beboere', condition: { fact: 'beboere', operator: 'greaterThanInclusive', value: 1000 } };
    });
    const beboere = marginsOf(b, { beboere: 999 }, { beboere: 999 }).find((x) => x.betingelse === 'beboere-mindst');
    expect(beboere?.tekst).toBe('ikke opfyldt, 1 beboer under grænsen; 1 beboer flere ville bringe området op på mindst 1.000 beboere (kriteriet opfyldt)');
  });

  it('gives an equality criterion its distance but no persons, and passes over a criterion that does not compare a figure', () => {
    const rs = rulesWith((d) => {
      d.conditions['lig'] = { title: 'Præcis 40 %', condition: { fact: 'udenArbejdePct', operator: 'decimalEqual', value: '40' } };
      d.conditions['ikke-tal'] = { title: 'Et af to antal', condition: { fact: 'beboere', operator: 'in', value: [1000, 2000] } };
    });
    const m = marginsOf(rs, { udenArbejdePct: '40', beboere: 1000 }, { udenArbejde: 400, beboere18til64: 1000 });
    const lig = m.find((x) => x.betingelse === 'lig');
    expect(lig).toMatchObject({ opfyldt: true, afstand: '0', tekst: 'opfyldt, præcis på grænsen' });
    expect(lig?.personer).toBeUndefined();
    expect(m.find((x) => x.betingelse === 'ikke-tal')).toBeUndefined();
  });

  it('reads facts from own properties only', () => {
    const shipped = rulesWith(() => undefined);
    const inherited = Object.create({ udenArbejdePct: '50' }) as Record<string, unknown>;
    expect(marginsOf(shipped, inherited, {}).find((x) => x.betingelse === 'uden-arbejde')).toMatchObject({ opfyldt: null, vaerdi: null });
  });

  it('says the income in kroner for a strict and an inclusive income limit', () => {
    const counts = { bruttoindkomstKr: '1000000', skatteydere: 10, regionGennemsnitKr: '200000' };
    // mean 100,000 kr. = 50 % of the region's 200,000; the limit is 55 %: 110,000 kr.
    const strict = marginsOf(rulesWith(() => undefined), { indkomstPctAfRegion: '50' }, counts).find((x) => x.betingelse === 'indkomst');
    expect(strict?.kroner).toBe('10000');
    expect(strict?.tekst).toContain('skal stige med 10.000,00 kr. for at nå 55 % af regionens (kriteriet ikke længere opfyldt)');
    const inclusive = marginsOf(
      rulesWith((d) => {
        const c = d.conditions.indkomst;
        if (c === undefined) throw new Error('no indkomst');
        c.condition.operator = 'decimalLessThanInclusive';
      }),
      { indkomstPctAfRegion: '50' },
      counts,
    ).find((x) => x.betingelse === 'indkomst');
    expect(inclusive?.tekst).toContain('skal stige med mere end 10.000,00 kr. for at komme over 55 % af regionens (kriteriet ikke længere opfyldt)');
  });
});
