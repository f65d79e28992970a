/** Reading CSV per record (issue 11, item 7): a bad record is reported with its physical line, the others are read. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/format/csv.js';

describe('parseCsv per record', () => {
  it('numbers rows by record and lines physically, across quoted line breaks and blank lines', () => {
    const r = parseCsv('a,b\n1,"x\ny\nz"\n\n2,3\n', 'f.csv');
    expect(r.ok && r.value.rows.map((x) => [x.row, x.line, x.cells.b])).toEqual([
      [1, 2, 'x\ny\nz'],
      [2, 6, '3'],
    ]);
  });

  it('skips a record with a stray quote, reports it, and reads the rest', () => {
    const r = parseCsv('a,b\n1,2\n3,fo"o\n5,6\n', 'f.csv');
    if (!r.ok) throw new Error('should read');
    expect(r.value.rows.map((x) => x.cells.a)).toEqual(['1', '5']);
    expect(r.value.rowErrors).toMatchObject([{ row: 2, line: 3, file: 'f.csv', severity: 'error' }]);
  });

  it('refuses a header with a column named twice', () => {
    const r = parseCsv('a,b,a\n1,2,3\n', 'f.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 1, field: 'a' });
  });

  it('for any rows of quoted cells with line breaks, each row starts on the line its predecessors end', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' ', ','), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = `x,y\n${rows.map(([a, b]) => `"${a}","${b}"`).join('\n')}\n`;
        const r = parseCsv(text, 'f.csv');
        if (!r.ok) return false;
        let line = 2;
        return rows.every(([a, b], i) => {
          const got = r.value.rows[i];
          const ok = got !== undefined && got.line === line && got.cells.x === a.trim() && got.cells.y === b.trim();
          line += 1 + (a.match(/\n/g)?.length ?? 0) + (b.match(/\n/g)?.length ?? 0);
          return ok;
        });
      }),
      { numRuns: 300 },
    );
  });
});
