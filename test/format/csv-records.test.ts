/** Reading CSV per record (issue 11, item 7): a bad record is reported with its physical line, the others are read. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/format/csv.js';
import { runs } from '../support/runs.js';

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
      { numRuns: runs(300) },
    );
  });

  it('keeps the row after a bad closing quote', () => {
    const r = parseCsv('a,b\n"x"y,1\n2,3\n4,5\n', 'f.csv');
    if (!r.ok) throw new Error('should read');
    expect(r.value.rows.map((x) => [x.row, x.line, x.cells.a])).toEqual([
      [2, 3, '2'],
      [3, 4, '4'],
    ]);
    expect(r.value.rowErrors).toMatchObject([{ row: 1, line: 2 }]);
  });

  it('keeps the rows after a quote that is never closed', () => {
    const r = parseCsv('a,b\n1,2\n"open,3\n4,5\n6,7\n', 'f.csv');
    if (!r.ok) throw new Error('should read');
    expect(r.value.rows.map((x) => [x.row, x.line, x.cells.a])).toEqual([
      [1, 2, '1'],
      [3, 4, '4'],
      [4, 5, '6'],
    ]);
    expect(r.value.rowErrors).toMatchObject([{ row: 2, line: 3, message: expect.stringContaining('lukkes aldrig') }]);
  });

  it('counts a quoted CRLF, LF or CR line break as one line, and reads mixed line endings', () => {
    for (const br of ['\r\n', '\n', '\r']) {
      const r = parseCsv(`a,b${br}"x${br}y",1${br}${br}ø,2${br}`, 'f.csv');
      expect(r.ok && r.value.rows.map((x) => [x.line, x.cells.a])).toEqual([
        [2, `x${br}y`],
        [5, 'ø'],
      ]);
    }
    const mixed = parseCsv('a,b\r\n1,2\n3,4\r\n', 'f.csv');
    expect(mixed.ok && mixed.value.rows.map((x) => [x.line, x.cells.b])).toEqual([
      [2, '2'],
      [3, '4'],
    ]);
  });

  it('for any rows and any of them spoilt by a stray quote, every other row is read on its own line', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'æ', ' ', '1'), maxLength: 5 });
    const spoil = fc.constantFrom('"x"y', 'f"o', '"open');
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, fc.option(spoil, { nil: undefined })), { minLength: 1, maxLength: 10 }), (rows) => {
        const lines = rows.map(([a, b, bad]) => (bad === undefined ? `"${a}",${b.trim() === '' ? 'z' : b.trim()}` : `${bad},1`));
        const r = parseCsv(`x,y\n${lines.join('\n')}\n`, 'f.csv');
        if (!r.ok) return false;
        const good = rows.flatMap(([a, , bad], i) => (bad === undefined ? [[i + 1, i + 2, a.trim()]] : []));
        const bad = rows.flatMap(([, , b], i) => (b === undefined ? [] : [[i + 1, i + 2]]));
        expect(r.value.rows.map((x) => [x.row, x.line, x.cells.x])).toEqual(good);
        expect(r.value.rowErrors.map((e) => [e.row, e.line])).toEqual(bad);
        return true;
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('parseCsv cells', () => {
  it('a column named like an Object.prototype property is a column like any other', () => {
    const r = parseCsv('__proto__,constructor,toString\n1,2,3\n', 'f.csv');
    if (!r.ok) throw new Error('does not parse');
    const [cells] = r.value.rows.map((x) => x.cells);
    expect(cells && Object.hasOwn(cells, '__proto__')).toBe(true);
    expect([cells?.['__proto__'], cells?.['constructor'], cells?.['toString']]).toEqual(['1', '2', '3']);
    // and a column the file does not have is not inherited from anywhere
    expect(cells?.['hasOwnProperty']).toBeUndefined();
    expect(Object.keys(cells ?? {})).toEqual(['__proto__', 'constructor', 'toString']);
  });
});
