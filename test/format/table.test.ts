/** Text tables: safe cells (control characters, line breaks) and a width they never exceed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Column, renderTable, writeTable } from '../../src/format/table.js';
import { escapeCell, escapeTerminal } from '../../src/format/terminal.js';
import { textWidth, wrapLongLines, wrapWords } from '../../src/format/wrap.js';

/** Every character a terminal acts on rather than shows (line feed aside). */
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const hostileChar = fc.constantFrom('a', 'b', 'æ', 'ø', ' ', ',', '[', '3', '1', 'm', '\u001b', '\u0007', '\u0000', '\u007f', '\u009b', '\u0085', '\u202e', '\u2066', '\n', '\r', '\t', '\r\n');
const hostileText = fc.array(hostileChar, { maxLength: 40 }).map((a) => a.join(''));

const lines = (table: string) => table.replace(/\n$/, '').split('\n');

/** The text of one column of a rendered table's body, its wrapped lines joined by spaces. */
function columnText(table: string, index: number): string {
  const [, rule = '', ...body] = lines(table);
  const spans = [...rule.matchAll(/─+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const [from, to] = spans[index] ?? [0, 0];
  return body.map((l) => l.slice(from, to).trim()).filter((t) => t !== '').join(' ');
}

describe('escapeTerminal / escapeCell', () => {
  it('shows ESC, BEL, NUL, DEL, C1 and bidi controls as visible escapes', () => {
    expect(escapeTerminal('Sol\u001b[31mbakken\u0007')).toBe('Sol\\x1b[31mbakken\\x07');
    expect(escapeTerminal('a\u0000b\u007fc\u009bd\u202ee')).toBe('a\\x00b\\x7fc\\x9bd\\u202ee');
  });

  it('keeps line breaks and tabs in running text', () => {
    expect(escapeTerminal('en\nto\tog\r\ntre')).toBe('en\nto\tog\r\ntre');
  });

  it('shows a line break inside a cell as ⏎ and a tab as a space', () => {
    expect(escapeCell('Sol-\nbakken')).toBe('Sol-⏎bakken');
    expect(escapeCell('a\r\nb\rc')).toBe('a⏎b⏎c');
    expect(escapeCell('a\tb')).toBe('a b');
  });

  it('is idempotent and leaves no control character, whatever the input', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const once = escapeCell(text);
        expect(once).not.toMatch(TERMINAL_CONTROL);
        expect(once).not.toContain('\n');
        expect(escapeCell(once)).toBe(once);
        expect(escapeTerminal(escapeTerminal(text))).toBe(escapeTerminal(text));
      }),
    );
  });
});

describe('renderTable', () => {
  const columns: Column[] = [{ header: 'Id' }, { header: 'Navn' }, { header: 'Beboere', right: true }];

  it('aligns columns, right-aligns numbers, and puts a rule under the header', () => {
    expect(renderTable(columns, [['1', 'Solbakken', '1.200'], ['22', 'Eng', '80']])).toBe(
      ['Id  Navn       Beboere', '──  ─────────  ───────', '1   Solbakken    1.200', '22  Eng             80', ''].join('\n'),
    );
  });

  it('keeps a row on one line when a cell holds a line break, and shows the break', () => {
    const out = renderTable(columns, [['1', 'Sol\nbakken', '5'], ['2', 'Eng', '6']]);
    expect(lines(out)).toHaveLength(4);
    expect(lines(out)[2]).toBe('1   Sol⏎bakken        5');
  });

  it('escapes control sequences in cells and headers', () => {
    const out = renderTable([{ header: 'Navn\u001b[2J' }], [['Sol\u001b[31mbakken\u0007']]);
    expect(out).not.toMatch(TERMINAL_CONTROL);
    expect(out).toContain('Sol\\x1b[31mbakken\\x07');
    expect(out).toContain('Navn\\x1b[2J');
  });

  it('keeps one line per row and no control character for any cell text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileText, hostileText, hostileText), { maxLength: 6 }), (rows) => {
        const out = renderTable(columns, rows);
        expect(lines(out)).toHaveLength(rows.length + 2);
        expect(out).not.toMatch(TERMINAL_CONTROL);
      }),
    );
  });

  it('wraps the columns marked wrap so that the table fits its width', () => {
    const wide: Column[] = [{ header: 'Afd.' }, { header: 'Indikatorer', wrap: true }, { header: 'Ændringer', wrap: true }];
    const rows = [['100', 'sociale problemer, utryghed, vold, hærværk, unge uden uddannelse, elevniveau', 'ny: vold; værre: sociale problemer, utryghed']];
    const out = renderTable(wide, rows, { maxWidth: 40 });
    for (const l of lines(out)) expect(textWidth(l)).toBeLessThanOrEqual(40);
    // the row continues on further lines with the first column blank, and no word is lost
    const body = lines(out).slice(2);
    expect(body.length).toBeGreaterThan(1);
    expect(body[0]?.startsWith('100 ')).toBe(true);
    for (const l of body.slice(1)) expect(l.startsWith('    ')).toBe(true);
    expect(columnText(out, 1)).toBe(rows[0]?.[1]);
    expect(columnText(out, 2)).toBe(rows[0]?.[2]);
  });

  it('leaves a table that fits exactly as it was, even with wrap columns', () => {
    const wrapping: Column[] = columns.map((c) => ({ ...c, wrap: true }));
    const rows = [['1', 'Solbakken', '1.200']];
    expect(renderTable(wrapping, rows)).toBe(renderTable(columns, rows));
  });

  it('fits any width from the sum of its fixed columns and headers up, for any wrapped text', () => {
    const wide: Column[] = [{ header: 'Id' }, { header: 'Tekst', wrap: true }, { header: 'Mere', wrap: true }];
    const word = fc.stringMatching(/^[a-zæøå]{1,30}$/);
    const cell = fc.array(word, { maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('1', '22', '333'), cell, cell), { minLength: 1, maxLength: 5 }), fc.integer({ min: 17, max: 120 }), (rows, maxWidth) => {
        const out = renderTable(wide, rows, { maxWidth });
        for (const l of lines(out)) expect(textWidth(l)).toBeLessThanOrEqual(maxWidth);
        // every character of every cell is still there, in its column and in order
        const squeeze = (t: string) => t.replace(/\s+/g, '');
        expect(squeeze(columnText(out, 1))).toBe(squeeze(rows.map((r) => r[1]).join('')));
        expect(squeeze(columnText(out, 2))).toBe(squeeze(rows.map((r) => r[2]).join('')));
      }),
    );
  });
});

describe('wrapWords / wrapLongLines', () => {
  it('wraps at spaces and splits a word longer than the width', () => {
    expect(wrapWords('vold, hærværk, restancer', 14)).toEqual(['vold, hærværk,', 'restancer']);
    expect(wrapWords('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapWords('', 10)).toEqual(['']);
  });

  it('leaves lines that fit untouched and indents continuation lines under the text', () => {
    const text = `kort linje\n- ${'ord '.repeat(10).trim()}\n  ${'langt '.repeat(6).trim()}`;
    expect(wrapLongLines(text, 20)).toBe(['kort linje', '- ord ord ord ord', '  ord ord ord ord', '  ord ord', '  langt langt langt', '    langt langt', '    langt'].join('\n'));
  });

  it('never gives a line wider than the width, and keeps every word', () => {
    const word = fc.stringMatching(/^[a-zæøå,.]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.integer({ min: 16, max: 100 }), fc.constantFrom('', '  ', '- '), (words, width, lead) => {
        const out = wrapLongLines(`${lead}${words.join(' ')}`, width);
        for (const l of out.split('\n')) expect(textWidth(l)).toBeLessThanOrEqual(width);
        expect(out.split(/\s+/).filter((w) => w !== '' && w !== '-')).toEqual(words);
      }),
    );
  });
});

describe('writeTable', () => {
  const columns: Column[] = [{ header: 'Id' }, { header: 'Tekst', wrap: true }, { header: 'Tal', right: true }];
  const row = fc.tuple(hostileText, hostileText, fc.integer({ min: 0, max: 10_000 }).map(String));

  it('writes the table renderTable renders, one whole line per call', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.integer({ min: 20, max: 160 }), (rows, maxWidth) => {
        const written: string[] = [];
        writeTable(columns, rows, (line) => written.push(line), { maxWidth });
        expect(written.join('')).toBe(renderTable(columns, rows, { maxWidth }));
        for (const line of written) expect(line.indexOf('\n')).toBe(line.length - 1);
      }),
    );
  });
});
