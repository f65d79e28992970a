/** A financing scheme's funder shares must add up to exactly 1, compared as decimals. */
import { Decimal } from '../domain/decimal.js';
import { diagnostic, type Diagnostic } from '../errors.js';
import { type JsonDocument, locate } from './json-document.js';
import type { RuleSetFile } from './schema.js';

/** The `share-sum` diagnostic when a non-empty funder list does not sum to exactly 1; otherwise none. */
export function checkFunderShares(doc: JsonDocument, file: RuleSetFile): Diagnostic[] {
  const funders = file.financing?.funders ?? [];
  if (funders.length === 0) return [];
  const sum = funders.reduce((acc, f) => acc.plus(f.share), new Decimal(0));
  if (sum.eq(1)) return [];
  const where = locate(doc, ['financing', 'funders']);
  return [
    diagnostic({
      code: 'share-sum',
      severity: 'error',
      file: doc.file,
      pointer: where.pointer,
      line: where.line,
      column: where.column,
      message: `finansieringskildernes andele summerer til ${sum.toString()}, ikke præcis 1`,
      hint: `Ret andelene (${funders.map((f) => `${f.id} ${f.share}`).join(', ')}), så de tilsammen er 1; ${sum.gt(1) ? 'der mangler at blive trukket' : 'der mangler'} ${sum.minus(1).abs().toString()}.`,
    }),
  ];
}
