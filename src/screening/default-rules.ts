/**
 * The public screening functions: each the domain core (which takes a registry) with the
 * package's shipped rules when `options.rules` is not given. The one module of
 * `src/screening/` that may load the shipped rules.
 */
import { rulesOrShipped } from '../shipped.js';
import { type BatchScreening, type ScreenOptions, screenAfdelingerWith, screenAfdelingWith } from './screen.js';
import type { ScreeningResult } from './types.js';

/**
 * Screens one afdeling as of `asOf` (under `options.rules`, default the shipped rules).
 *
 * @throws BoligsocialError `input-invalid` if the afdeling does not validate or has no period on or before `asOf`;
 *   `no-rules-in-force` if no screening rules cover `asOf`.
 * @example
 * const r = screenAfdeling(afdeling, { asOf: '2024-12-01' });
 * r.udloeste;        // ['utryghed', 'vold']
 * r.konklusion;      // 'indsats'
 */
export function screenAfdeling(afdeling: unknown, options: ScreenOptions): ScreeningResult {
  return screenAfdelingWith(rulesOrShipped(options), afdeling, options);
}

/**
 * Screens many afdelinger. Afdelinger that do not validate, or have no period on or
 * before `asOf`, are reported as diagnostics (with their id); the rest are screened.
 * With `explain: false` it is the fast decision-only path.
 */
export function screenAfdelinger(afdelinger: readonly unknown[], options: ScreenOptions): BatchScreening {
  return screenAfdelingerWith(rulesOrShipped(options), afdelinger, options);
}

/** The decision-only batch: {@link screenAfdelinger} with `explain: false`. */
export function decideAfdelinger(afdelinger: readonly unknown[], options: Omit<ScreenOptions, 'explain'>): BatchScreening {
  return screenAfdelinger(afdelinger, { ...options, explain: false });
}
