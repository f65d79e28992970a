/**
 * Classifying many rows at once: one row per boligområde per list; earlier rows with the
 * same id are the history of later ones. Bad rows come back with their reasons; good
 * rows are still classified.
 */
import { BoligsocialError, type Diagnostic, diagnostic } from '../errors.js';
import { bundledRegistry } from '../shipped.js';
import type { RuleRegistry } from '../rules/registry.js';
import { checkDisable, classifyData } from './classify.js';
import { type HistorikAar, type ListeRaekke, listeRaekkeSchema } from './input.js';
import type { BatchRaekke } from './types.js';
import { safeParseDanish } from '../domain/parse.js';
import { requireList, requireObject } from '../domain/guard.js';

/** Options of a batch classification. */
export interface BatchOptions {
  readonly rules?: RuleRegistry | undefined;
  /** As in {@link ClassifyOptions.disable}. */
  readonly disable?: readonly string[] | undefined;
  readonly forebyggelseUdelukkerUdsatte?: boolean | undefined;
  /** Further history per boligområde id (e.g. published statuses of years not in the rows). */
  readonly history?: Readonly<Record<string, readonly HistorikAar[]>> | undefined;
}

/**
 * The history of a list date from rows of one area: every row dated before it, as its
 * published status and its figures (either may be missing).
 */
export function historikFraRaekker(rows: readonly ListeRaekke[], listedato: string): HistorikAar[] {
  const out: HistorikAar[] = [];
  for (const earlier of rows) {
    if (earlier.listedato >= listedato) continue;
    const { listedato: dato, offentliggjortParallelsamfund, ...input } = earlier;
    out.push({ listedato: dato, offentliggjortParallelsamfund, input });
  }
  return out;
}

/**
 * Classifies each row under the rules in force on its `listedato`, using the area's
 * earlier rows (and `options.history`) as its history. The result has one entry per
 * row, in input order; a row that does not validate, or whose date has no rules in
 * force, is returned with its diagnostics (row = 1-based position).
 *
 * @throws BoligsocialError `unknown-disable-id` when `disable` names nothing known.
 */
export function classifyBoligomraader(rows: readonly unknown[], options: BatchOptions = {}): readonly BatchRaekke[] {
  requireList(rows, { da: 'rækkerne', en: 'rows' });
  requireObject(options, { da: 'indstillingerne (options)', en: 'options' });
  const registry = options.rules ?? bundledRegistry();
  const disable = options.disable ?? [];
  checkDisable(registry, disable);

  const parsed: ({ ok: true; row: ListeRaekke } | { ok: false; errors: Diagnostic[]; id?: string; listedato?: string })[] = rows.map((raw, index) => {
    const result = safeParseDanish(listeRaekkeSchema, raw);
    if (result.success) return { ok: true, row: result.data };
    const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const id = typeof r.id === 'string' ? r.id : undefined;
    const listedato = typeof r.listedato === 'string' ? r.listedato : undefined;
    return {
      ok: false,
      ...(id !== undefined ? { id } : {}),
      ...(listedato !== undefined ? { listedato } : {}),
      errors: result.error.issues.map((issue) =>
        diagnostic({ code: 'input-row', severity: 'error', row: index + 1, ...(issue.path.length > 0 ? { field: issue.path.join('.') } : {}), ...(id !== undefined ? { id } : {}), message: issue.message }),
      ),
    } as { ok: false; errors: Diagnostic[]; id?: string; listedato?: string };
  });

  const byId = new Map<string, ListeRaekke[]>();
  for (const p of parsed) {
    if (!p.ok) continue;
    const list = byId.get(p.row.id) ?? [];
    list.push(p.row);
    byId.set(p.row.id, list);
  }

  const out: BatchRaekke[] = parsed.map((p, index) => {
    if (!p.ok) return Object.freeze({ index, ok: false as const, ...(p.id !== undefined ? { id: p.id } : {}), ...(p.listedato !== undefined ? { listedato: p.listedato } : {}), errors: Object.freeze(p.errors) });
    const row = p.row;
    const history: HistorikAar[] = [...(options.history?.[row.id] ?? []), ...historikFraRaekker(byId.get(row.id) ?? [], row.listedato)];
    const { listedato, offentliggjortParallelsamfund, ...data } = row;
    try {
      const klassifikation = classifyData(
        data,
        { listedato, history, rules: registry, disable, forebyggelseUdelukkerUdsatte: options.forebyggelseUdelukkerUdsatte, offentliggjortParallelsamfund },
        registry,
      );
      return Object.freeze({ index, ok: true as const, klassifikation });
    } catch (error) {
      if (error instanceof BoligsocialError && error.code === 'no-rules-in-force') {
        return Object.freeze({
          index,
          ok: false as const,
          id: row.id,
          listedato,
          errors: Object.freeze([
            diagnostic({
              code: 'input-row',
              severity: 'error',
              row: index + 1,
              field: 'listedato',
              id: row.id,
              message: `ingen klassifikationsregler i kraft ${listedato}`,
              hint: 'De første regler (ghettolisten) gælder fra 26. oktober 2010.',
            }),
          ]),
        });
      }
      throw error;
    }
  });
  return Object.freeze(out);
}
