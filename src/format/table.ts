/** Plain-text tables for the CLI: columns padded to their widest cell, numbers right-aligned. */

/** One column of a text table. */
export interface Column {
  readonly header: string;
  /** Right-align (numbers). */
  readonly right?: boolean;
}

/** Renders rows of cells under headers as an aligned text table with a rule under the header. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(width(c.header), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell)));
        return columns[i]?.right ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const header = line(columns.map((c) => c.header));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [header, rule, ...rows.map(line)].join('\n') + '\n';
}

function width(s: string): number {
  return [...s].length;
}

/** Quotes a CSV cell when needed (RFC 4180), for `--format csv` output. */
export function csvCell(value: string): string {
  return /[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Renders rows as CSV with a header line, comma-separated. */
export function renderCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
