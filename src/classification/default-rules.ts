/**
 * The public classification functions: each the domain core (which takes a registry)
 * with the package's shipped rules when `options.rules` is not given. The one module of
 * `src/classification/` that may load the shipped rules.
 */
import { rulesOrShipped } from '../shipped.js';
import { type BatchOptions, classifyBoligomraaderWith, classifyEachWith } from './batch.js';
import { type ClassifyOptions, classifyBoligomraadeWith } from './classify.js';
import type { BoligomraadeInput } from './input.js';
import { type AfdelingPrognoseInput, type ForecastBatchOptions, type ForecastOptions, forecastBoligomraadeWith, forecastBoligomraaderWith, type Prognose } from './forecast.js';
import type { BatchRaekke, Klassifikation } from './types.js';
import type { Diagnostic } from '../errors.js';

/**
 * Classifies a boligområde on the list of `listedato` (under `options.rules`, default the
 * package's shipped rules).
 *
 * @example
 * const k = classifyBoligomraade(
 *   { id: 'a', beboere: 1200, ikkeVestligePct: '52', udenArbejdePct: '41', kunGrundskolePct: '62', indkomstPctAfRegion: '58' },
 *   { listedato: '2019-12-01' },
 * );
 * k.kategorier.udsat?.outcome;           // true  (2 af 4)
 * k.kategorier.parallelsamfund?.outcome; // true  (ghettoområde)
 * k.kategorier.omdannelse?.outcome;      // null  (no history given)
 * k.kategorier.forebyggelse;             // undefined: the 2018 law has no forebyggelse
 * @throws BoligsocialError `input-invalid` (bad figures), `no-rules-in-force`, `unknown-disable-id`.
 */
export function classifyBoligomraade(input: BoligomraadeInput, options: ClassifyOptions): Klassifikation {
  return classifyBoligomraadeWith(rulesOrShipped(options), input, options);
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
  return classifyBoligomraaderWith(rulesOrShipped(options), rows, options);
}

/**
 * {@link classifyBoligomraader} one row at a time: the rows are read and grouped by area
 * first (history needs every list of an area), then each classification is made when it
 * is asked for, so a caller that writes each one out and lets it go holds one at a time.
 * The options and rows are checked (and the shipped rules loaded, if needed) when the
 * first result is asked for.
 *
 * @throws BoligsocialError `unknown-disable-id` when `disable` names nothing known.
 * @example
 * for (const r of classifyEach(rows, {})) if (r.ok) write(r.klassifikation);
 */
export function* classifyEach(rows: readonly unknown[], options: BatchOptions = {}): Generator<BatchRaekke, void, undefined> {
  yield* classifyEachWith(rulesOrShipped(options), rows, options);
}

/**
 * Forecasts the list of `listedato` for one boligområde from its afdelinger's counts.
 *
 * @example
 * const p = forecastBoligomraade(afdelinger, { listedato: '2026-12-01', history });
 * p.klassifikation.kategorier.parallelsamfund?.outcome;
 * p.margener.find((m) => m.betingelse === 'uden-arbejde')?.tekst;
 * // "opfyldt, 0,3 procentpoint over grænsen; 2 beboere færre uden for arbejdsmarkedet ville bringe området ned på højst 40 % (kriteriet ikke længere opfyldt)"
 * @throws BoligsocialError `input-invalid` if an afdeling is invalid or they name more than one boligområde.
 */
export function forecastBoligomraade(afdelinger: readonly AfdelingPrognoseInput[], options: ForecastOptions): Prognose {
  return forecastBoligomraadeWith(rulesOrShipped(options), afdelinger, options);
}

/**
 * Forecasts every boligområde the afdelinger name. Bad afdelinger are reported and
 * left out of their boligområde's sums; that boligområde's counts are then incomplete,
 * so it is reported too and not forecast.
 */
export function forecastBoligomraader(afdelinger: readonly unknown[], options: ForecastBatchOptions): { readonly prognoser: readonly Prognose[]; readonly errors: readonly Diagnostic[] } {
  return forecastBoligomraaderWith(rulesOrShipped(options), afdelinger, options);
}
