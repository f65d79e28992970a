/** Reads the text tables the CLI prints back into cells, for tests of their content. */

/** One table: its headers and its rows, each cell's wrapped lines joined by a space. */
export interface ParsedTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const RULE = /^[─ ]*─[─ ]*$/u;

/**
 * Every table in `text`: the line above a rule line (`────  ─────`) is the header, the
 * lines below it up to a blank line are the body; a line whose first column is blank
 * continues the row above it. Columns are where the rule's dashes are.
 */
export function parseTables(text: string): ParsedTable[] {
  const lines = text.split('\n');
  const tables: ParsedTable[] = [];
  lines.forEach((rule, at) => {
    if (!RULE.test(rule) || at === 0) return;
    const chars = (s: string) => [...s];
    const spans = [...rule.matchAll(/─+/gu)].map((m) => {
      const from = chars(rule.slice(0, m.index)).length;
      return [from, from + chars(m[0]).length] as const;
    });
    const cellsOf = (line: string) => spans.map(([from, to], i) => chars(line).slice(from, i === spans.length - 1 ? undefined : to).join('').trim());
    const rows: string[][] = [];
    for (let i = at + 1; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) {
      const cells = cellsOf(lines[i] ?? '');
      const last = rows[rows.length - 1];
      if (cells[0] === '' && last !== undefined) cells.forEach((c, k) => (last[k] = [last[k] ?? '', c].filter((x) => x !== '').join(' ')));
      else rows.push(cells);
    }
    tables.push({ headers: cellsOf(lines[at - 1] ?? ''), rows });
  });
  return tables;
}
