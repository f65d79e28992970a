/**
 * A result's `udloeste` (the flagged indicators' ids) is one frozen list shared by every
 * result with the same flags, kept by the bit pattern of the flags; a rule file with more
 * indicators than the pattern holds gives each result its own list. Either way the list
 * is the ids of the indicators whose outcome is true, in the rule file's order, and the
 * conclusion and missing figures are made from the outcomes as the masks would give them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateAfdelinger } from '../../fixtures/screening/generator.js';
import { screenAfdelinger, type ScreeningResult } from '../../src/screening/index.js';
import { bundledRegistry } from '../../src/shipped.js';
import { compileTestRuleFile } from '../support/test-domain.js';
import { afdeling, roligPeriode } from './helpers.js';

const FILE = 'rules/screening/2017-06-01.json';

/** The ids of the indicators whose outcome is true, from the result's own indicators. */
function trueIds(r: ScreeningResult): string[] {
  return r.indikatorer.filter((i) => i.outcome === true).map((i) => i.id);
}

describe('the flagged indicators of a result', () => {
  const afdelinger = generateAfdelinger(120, { seed: 31 });

  it('are the indicators found true, one shared frozen list per set of flags', () => {
    const { results } = screenAfdelinger(afdelinger, { asOf: '2024-12-01', ruleSet: bundledRegistry().inForce('screening', '2024-12-01') });
    const byFlags = new Map<string, readonly string[]>();
    for (const r of results) {
      expect(r.udloeste).toEqual(trueIds(r));
      expect(Object.isFrozen(r.udloeste)).toBe(true);
      const key = r.udloeste.join(',');
      const seen = byFlags.get(key);
      if (seen === undefined) byFlags.set(key, r.udloeste);
      else expect(r.udloeste).toBe(seen);
    }
    // the generated mix flags in several ways, so sharing is tested, not assumed
    expect(byFlags.size).toBeGreaterThan(5);
  });

  it('are right for a rule file of more indicators than the shared lists are kept for', () => {
    const file = JSON.parse(readFileSync(FILE, 'utf8')) as { rules: { id: string; event: { type: string; params: { indikator?: string } } }[] };
    const indikatorer = file.rules.filter((r) => r.event.type === 'indikator');
    // 13 shipped indicators and 20 copies of all but høj husleje under new ids: 33. The
    // last, at bit 32, copies sociale problemer: a pattern that wrapped at 32 bits would take it for høj
    // husleje (bit 0), and give the afdeling with social problems only the list of the one
    // with high rent as well
    const copies = Array.from({ length: 20 }, (_, i) => {
      const rule = structuredClone(indikatorer[1 + ((i + 6) % (indikatorer.length - 1))]) as (typeof indikatorer)[number];
      rule.id = `${rule.id}-kopi-${i}`;
      rule.event.params.indikator = `${String(rule.event.params.indikator)}-kopi-${i}`;
      return rule;
    });
    file.rules.splice(indikatorer.length, 0, ...copies);
    const ruleSet = compileTestRuleFile(file, FILE);
    const husleje = { huslejeKrPrM2: '1300' };
    const sociale = { overfoerselsindkomst: 200 };
    const crafted = [afdeling([roligPeriode('2024-12-01', { ...husleje, ...sociale })], { id: 'HS' }), afdeling([roligPeriode('2024-12-01', sociale)], { id: 'S' })];
    const { results } = screenAfdelinger([...crafted, ...afdelinger], { asOf: '2024-12-01', ruleSet });
    expect(results[0]?.udloeste.slice(0, 2)).toEqual(['hoej-husleje', 'sociale-problemer']);
    expect(results[1]?.udloeste[0]).toBe('sociale-problemer');
    expect(results[0]?.indikatorer).toHaveLength(33);
    let flaggedLate = 0;
    for (const r of results) {
      expect(r.udloeste).toEqual(trueIds(r));
      expect(Object.isFrozen(r.udloeste)).toBe(true);
      if (r.udloeste.some((id) => id.endsWith('-kopi-19'))) flaggedLate++;
    }
    // an indicator past bit 30 is flagged somewhere
    expect(flaggedLate).toBeGreaterThan(0);
    // the copies read the figures the shipped indicators read and no recommendation counts
    // them, so the conclusion and the missing figures, made from the outcomes' list beyond
    // 30 rules, are those made from the masks of the shipped rules
    const shipped = screenAfdelinger([...crafted, ...afdelinger], { asOf: '2024-12-01', ruleSet: bundledRegistry().inForce('screening', '2024-12-01') }).results;
    results.forEach((r, i) => {
      expect(r.konklusion).toBe(shipped[i]?.konklusion);
      expect(r.mangler).toEqual(shipped[i]?.mangler);
    });
    expect(new Set(results.map((r) => r.konklusion)).size).toBe(3);
    expect(results.some((r) => r.mangler.length > 0)).toBe(true);
  });
});
