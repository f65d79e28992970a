/**
 * Classifying many rows at once: one row per boligområde per list; earlier rows with the
 * same id are the history of later ones. Bad rows come back with their reasons; good
 * rows are still classified.
 */
import { BoligsocialError, type Diagnostic, diagnostic } from '../errors.js';
import type { RuleRegistry } from '../rules/registry.js';
import { checkDisable, classifyData, type StatusMemo } from './classify.js';
import { checkHistoryById } from './history-input.js';
import { type HistorikAar, type ListeRaekke, listeRaekkeSchema } from './input.js';
import type { BatchRaekke } from './types.js';
import { idOf, issuesToDiagnostics, safeParseDanish } from '../domain/parse.js';
import { requireList, requireObject } from '../domain/guard.js';
import { own } from '../domain/own.js';

/** Options of a batch classification. */
export interface BatchOptions {
  readonly rules?: RuleRegistry | undefined;
  /** As in {@link ClassifyOptions.disable}. */
  readonly disable?: readonly string[] | undefined;
  readonly forebyggelseUdelukkerUdsatte?: boolean | undefined;
  /** Further history per boligområde id (e.g. published statuses of years not in the rows). */
  readonly history?: Readonly<Record<string, readonly HistorikAar[]>> | undefined;
}

/** One earlier row as history: its published status and its figures (either may be missing). */
function historikAarOf(row: ListeRaekke): HistorikAar {
  const { listedato, offentliggjortParallelsamfund, ...input } = row;
  return { listedato, offentliggjortParallelsamfund, input };
}

/**
 * The history of a list date from rows of one area: every row dated before it, as its
 * published status and its figures (either may be missing).
 */
export function historikFraRaekker(rows: readonly ListeRaekke[], listedato: string): HistorikAar[] {
  return rows.filter((earlier) => earlier.listedato < listedato).map(historikAarOf);
}

/**
 * {@link classifyBoligomraader} under the rules given (the domain core: `options.rules` is
 * not read, and nothing is loaded from disk).
 * @throws BoligsocialError `unknown-disable-id` when `disable` names nothing known.
 */
export function classifyBoligomraaderWith(rules: RuleRegistry, rows: readonly unknown[], options: BatchOptions = {}): readonly BatchRaekke[] {
  return Object.freeze([...classifyEachWith(rules, rows, options)]);
}

/**
 * {@link classifyEach} under the rules given (the domain core: `options.rules` is not
 * read). The options and rows are checked when the first result is asked for.
 * @throws BoligsocialError `unknown-disable-id` when `disable` names nothing known.
 */
export function* classifyEachWith(registry: RuleRegistry, rows: readonly unknown[], options: BatchOptions = {}): Generator<BatchRaekke, void, undefined> {
  requireList(rows, { da: 'rækkerne', en: 'rows' });
  requireObject(options, { da: 'indstillingerne (options)', en: 'options' });
  const disable = options.disable ?? [];
  checkDisable(registry, disable);
  checkHistoryById(options.history);

  // each parsed row is let go once it is classified: later rows need only its history entry
  const parsed: (ParsedRow | undefined)[] = rows.map((raw, index) => parseRow(raw, index));
  const byId = new Map<string, { listedato: string; entry: HistorikAar }[]>();
  for (const p of parsed) {
    if (p === undefined || !p.ok) continue;
    const list = byId.get(p.row.id);
    const item = { listedato: p.row.listedato, entry: historikAarOf(p.row) };
    if (list === undefined) byId.set(p.row.id, [item]);
    else list.push(item);
  }
  const memo: StatusMemo = new WeakMap();
  for (let index = 0; index < parsed.length; index++) {
    const p = parsed[index] as ParsedRow;
    parsed[index] = undefined;
    if (!p.ok) {
      yield Object.freeze({ index, ok: false as const, ...(p.id !== undefined ? { id: p.id } : {}), ...(p.listedato !== undefined ? { listedato: p.listedato } : {}), errors: Object.freeze(p.errors) });
      continue;
    }
    const row = p.row;
    const earlier = (byId.get(row.id) ?? []).filter((e) => e.listedato < row.listedato).map((e) => e.entry);
    const history: HistorikAar[] = [...(own(options.history, row.id) ?? []), ...earlier];
    const { listedato, offentliggjortParallelsamfund, ...data } = row;
    try {
      const klassifikation = classifyData(
        data,
        { listedato, history, rules: registry, disable, forebyggelseUdelukkerUdsatte: options.forebyggelseUdelukkerUdsatte, offentliggjortParallelsamfund },
        registry,
        memo,
      );
      yield Object.freeze({ index, ok: true as const, klassifikation });
    } catch (error) {
      if (!(error instanceof BoligsocialError) || error.code !== 'no-rules-in-force') throw error;
      yield Object.freeze({
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
  }
}

type ParsedRow = { readonly ok: true; readonly row: ListeRaekke } | { readonly ok: false; readonly errors: Diagnostic[]; readonly id?: string; readonly listedato?: string };

/** One input row validated, or its diagnostics (row = 1-based position) with the id and listedato it names, if any. */
function parseRow(raw: unknown, index: number): ParsedRow {
  const result = safeParseDanish(listeRaekkeSchema, raw);
  if (result.success) return { ok: true, row: result.data };
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const id = idOf(raw);
  const listedato = Object.hasOwn(r, 'listedato') && typeof r.listedato === 'string' ? r.listedato : undefined;
  return {
    ok: false,
    ...(id !== undefined ? { id } : {}),
    ...(listedato !== undefined ? { listedato } : {}),
    errors: issuesToDiagnostics(result.error, { code: 'input-row', row: index + 1, field: 'when-nested', ...(id !== undefined ? { id } : {}) }),
  };
}
