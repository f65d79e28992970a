/**
 * Fuzzing every CSV reader (issue 11): random text, and tables of the right header with
 * random rows, never make `readBoligomraaderCsv`, `readAfdelingerCsv` or `readPrognoseCsv`
 * throw, every problem comes back as one of our diagnostics, and the work grows linearly
 * with the rows — good rows, rows that are all bad, and an unclosed quote early on.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPrognoseCsv } from '../../src/classification/forecast-csv.js';
import { readBoligomraaderCsv } from '../../src/classification/csv.js';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../src/errors.js';
import { readAfdelingerCsv } from '../../src/screening/csv.js';
import { growth } from '../support/growth.js';
import { runs } from '../support/runs.js';

const CODES = new Set<string>(DIAGNOSTIC_CODES);

/** Each reader with the diagnostics it returns, and a header and data line from its shipped fixture. */
const readers = [
  { name: 'readBoligomraaderCsv', read: (t: string) => readBoligomraaderCsv(t, 'f.csv').diagnostics, fixture: 'fixtures/boligomraader.csv' },
  { name: 'readAfdelingerCsv', read: (t: string) => readAfdelingerCsv(t, 'f.csv').diagnostics, fixture: 'fixtures/afdelinger.csv' },
  { name: 'readPrognoseCsv', read: (t: string) => readPrognoseCsv(t, 'f.csv').diagnostics, fixture: 'fixtures/afdelinger.csv' },
].map((r) => {
  const [header = '', line = ''] = readFileSync(r.fixture, 'utf8').split('\n');
  return { ...r, header, line };
});

function expectOurs(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(CODES.has(d.code), d.code).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/Invalid|Unexpected|undefined is not|Cannot read|Quote/);
  }
}

const csvText = fc.string({ unit: fc.constantFrom('a', 'ø', '1', ',', ';', '.', '"', ' ', '\n', '\r', '\t', '=', '-'), maxLength: 300 });

describe('fuzz: the CSV readers only ever answer with diagnostics', () => {
  for (const r of readers) {
    it(`${r.name}: random text`, () => {
      fc.assert(
        fc.property(csvText, (text) => expectOurs(r.read(text))),
        { numRuns: runs(150) },
      );
    });

    it(`${r.name}: its header with random rows`, () => {
      fc.assert(
        fc.property(fc.array(csvText, { maxLength: 6 }), (rows) => expectOurs(r.read([r.header, ...rows].join('\n')))),
        { numRuns: runs(100) },
      );
    });
  }
});

describe('linear work in the CSV readers: 4 times the rows takes about 4 times as long (allowed: 10)', () => {
  for (const r of readers) {
    it.each([
      ['good rows', (n: number) => [r.header, ...Array.from({ length: n }, () => r.line)].join('\n')],
      ['every row with a stray quote', (n: number) => [r.header, ...Array.from({ length: n }, () => `x"y,${r.line}`)].join('\n')],
      ['a quote never closed on the first row', (n: number) => [r.header, `"${r.line}`, ...Array.from({ length: n }, () => r.line)].join('\n')],
    ] as const)(`${r.name}: %s`, (_, make) => {
      expect(growth(make, r.read, 200, 10)).toBeLessThan(10);
    });
  }
});
