/** CSV output neutralises spreadsheet formulas in text cells and never touches numbers (issue 11, item 8). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, renderCsv } from '../../src/format/csv-output.js';
import { runs } from '../support/runs.js';

describe('CSV output', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@A1', '\tx', '\rx', "=cmd|' /C calc'!A0"])('writes %j with a leading apostrophe', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(['-12.5', '-12,5', '+3', '-1.885.010,27', '-2,5 %', '0', '12.000.000,00', 'Solbakken', "'=1", ''])('leaves %j as it is', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });

  it('quotes after neutralising, so a quoted formula is still neutral', () => {
    expect(csvCell('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")"`);
  });

  it('for every text: the written cell unquotes to the neutralised text, which a spreadsheet cannot run', () => {
    const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('', '=', '+', '-', '@', '\t', '\r'), (rest, start) => {
        const text = start + rest;
        const written = neutraliseFormula(text);
        expect(unquote(csvCell(text))).toBe(written);
        expect(/^[=+\-@\t\r]/.test(written) ? /^[-+]?[\d.,]+( ?%)?$/.test(written) : true).toBe(true);
        expect(written === text || written === `'${text}`).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });
});
