/**
 * The tables margins are written from, built when `margins.ts` loads — each fact's subject
 * ("beboere med kun grundskole", "dømte") and unit, each operator's relation, its negation
 * and where a count brings the area ("over", "op på mindst", "under", "ned på højst") — seen
 * through modules loaded afresh (`vi.resetModules`), so that a change to a table made before
 * the test runs is seen by it. One criterion per fact and operator, each count worked by
 * hand in the comment beside it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const CRITERIA: Record<string, readonly [fact: string, operator: string, value: unknown]> = {
  'b-gt': ['beboere', 'greaterThan', 1000],
  'b-lt': ['beboere', 'lessThan', 1000],
  'b-le': ['beboere', 'lessThanInclusive', 1000],
  'b-eq': ['beboere', 'equal', 1000],
  'b-ne': ['beboere', 'notEqual', 1000],
  iv: ['ikkeVestligePct', 'decimalGreaterThan', '50'],
  kg: ['kunGrundskolePct', 'decimalGreaterThan', '60'],
  dp: ['domfaeltePct', 'decimalGreaterThanInclusive', '2.7'],
  d10: ['domfaeltePr10000', 'decimalGreaterThan', '270'],
  df: ['domfaelteFaktor', 'decimalGreaterThanInclusive', '3'],
  'ua-ne': ['udenArbejdePct', 'decimalNotEqual', '40'],
};

const FACTS = { beboere: 999, ikkeVestligePct: '49', kunGrundskolePct: '59', domfaeltePct: '2.6', domfaeltePr10000: '260', domfaelteFaktor: '2.5', udenArbejdePct: '40' };
const COUNTS = { beboere: 999, ikkeVestlige: 490, kunGrundskole: 590, beboere30til59: 1000, domfaelte: 26, beboere18plus: 1000, domfaelteLandsgennemsnitPct: '1.04', udenArbejde: 400, beboere18til64: 1000 };

describe('the texts of a margin, for every fact and operator', () => {
  it('name the right persons, relation and unit', async () => {
    vi.resetModules();
    const { marginsOf } = await import('../../src/classification/margins.js');
    const { loadRuleSetText } = await import('../../src/shipped.js');
    const file = JSON.parse(readFileSync('rules/classification/2021-11-30.json', 'utf8')) as { conditions: Record<string, unknown> };
    for (const [id, [fact, operator, value]] of Object.entries(CRITERIA)) file.conditions[id] = { title: id, condition: { fact, operator, value } };
    const loaded = loadRuleSetText(JSON.stringify(file), '2021-11-30.json');
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
    const byId = new Map(marginsOf(loaded.value, FACTS, COUNTS).map((m) => [m.betingelse, m]));
    const seen = (id: string) => {
      const m = byId.get(id);
      return m === undefined ? undefined : { opfyldt: m.opfyldt, personer: m.personer, tekst: m.tekst };
    };
    expect(Object.fromEntries(Object.keys(CRITERIA).map((id) => [id, seen(id)]))).toEqual({
      // 999 > 1000 no; 1,001 is
      'b-gt': { opfyldt: false, personer: 2, tekst: 'ikke opfyldt, 1 beboer under grænsen; 2 beboere flere ville bringe området over 1.000 beboere (kriteriet opfyldt)' },
      // 999 < 1000 yes; 1,000 is not
      'b-lt': { opfyldt: true, personer: 1, tekst: 'opfyldt, 1 beboer under grænsen; 1 beboer flere ville bringe området op på mindst 1.000 beboere (kriteriet ikke længere opfyldt)' },
      // 999 ≤ 1000 yes; 1,001 is not
      'b-le': { opfyldt: true, personer: 2, tekst: 'opfyldt, 1 beboer under grænsen; 2 beboere flere ville bringe området over 1.000 beboere (kriteriet ikke længere opfyldt)' },
      // equality: a distance, no persons
      'b-eq': { opfyldt: false, personer: undefined, tekst: 'ikke opfyldt, 1 beboer under grænsen' },
      'b-ne': { opfyldt: true, personer: undefined, tekst: 'opfyldt, 1 beboer under grænsen' },
      // 490 of 999 beboere; 500 of 999 is 50.05 % > 50 %, 499 is not
      iv: { opfyldt: false, personer: 10, tekst: 'ikke opfyldt, 1 procentpoint under grænsen; 10 beboere flere med ikke-vestlig baggrund ville bringe området over 50 % (kriteriet opfyldt)' },
      // 590 of 1,000 30–59-årige; 601 > 60 %
      kg: { opfyldt: false, personer: 11, tekst: 'ikke opfyldt, 1 procentpoint under grænsen; 11 beboere flere med kun grundskole ville bringe området over 60 % (kriteriet opfyldt)' },
      // 26 of 1,000 adults; 27 is 2.7 %
      dp: { opfyldt: false, personer: 1, tekst: 'ikke opfyldt, 0,1 procentpoint under grænsen; 1 dømt flere ville bringe området op på mindst 2,7 % (kriteriet opfyldt)' },
      // 26 of 1,000 is 260 per 10,000; 28 is 280 > 270 (27 is 270, not above)
      d10: { opfyldt: false, personer: 2, tekst: 'ikke opfyldt, 10 pr. 10.000 under grænsen; 2 dømte flere ville bringe området over 270 pr. 10.000 (kriteriet opfyldt)' },
      // 2.6 % / 1.04 % = 2.5 times; 3 times is 3.12 %: 32 of 1,000
      df: { opfyldt: false, personer: 6, tekst: 'ikke opfyldt, 0,5 gange landsgennemsnittet under grænsen; 6 dømte flere ville bringe området op på mindst 3 gange landsgennemsnittet (kriteriet opfyldt)' },
      'ua-ne': { opfyldt: false, personer: undefined, tekst: 'ikke opfyldt, præcis på grænsen' },
    });
  });
});
