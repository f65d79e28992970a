/**
 * The one CSV writer (`--format csv` of every command): RFC 4180 quoting, and text
 * cells made safe for spreadsheets. A text cell that begins with `=`, `+`, `-`, `@`, a
 * tab or a carriage return is a formula to Excel and LibreOffice, so it is written with
 * a leading `'` (OWASP's advice for CSV injection); numbers, negative ones included, are
 * written as they are.
 */

/**
 * A cell that a spreadsheet reads as a number: an optional sign, digits (plain, or in
 * Danish thousands groups "1.885.010"), an optional decimal part, an optional " %".
 */
const NUMBER = /^[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:[.,]\d+)?(?: ?%)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet may safely read it: `'` before a text that would start a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** One CSV cell: neutralised, then quoted when it holds a quote, separator or line break. */
export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line, comma-separated, with its line break. */
export function renderCsvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** Rows as CSV with a header line, comma-separated, one line per row. */
export function renderCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [headers, ...rows].map(renderCsvLine).join('');
}
