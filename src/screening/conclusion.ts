/**
 * The overall conclusion of a screening from its recommendations' outcomes: an indsats
 * is recommended, none is, or it is unknown for want of figures — and the sentence that
 * says so, with the kontaktpersonordning added.
 */
import type { Truth } from '../engine/types.js';
import { type DecidedOutcomes, outcomeAt } from './outcome-bits.js';
import type { AnbefalingKind } from './rule-meta.js';
import type { Konklusion } from './types.js';

/** What the conclusion reads of one recommendation. */
export interface AnbefalingOutcome {
  readonly kind: AnbefalingKind;
  readonly navn: string;
  readonly outcome: Truth;
}

/**
 * The conclusion from the recommendations' outcomes (by rule index): a project
 * recommended, unknown, or no particular indsats. The kontaktpersonordning is no project.
 */
export function konklusionOf(anbefalinger: readonly { readonly kind: AnbefalingKind; readonly ruleIndex: number }[], outcomes: DecidedOutcomes): Konklusion {
  let unknown = false;
  // indexed: this runs once per screened afdeling, and a for-of made an iterator result per step
  for (let i = 0; i < anbefalinger.length; i++) {
    const a = anbefalinger[i] as (typeof anbefalinger)[number];
    if (a.kind === 'kontaktpersonordning') continue;
    const outcome = outcomeAt(outcomes, a.ruleIndex);
    if (outcome === true) return 'indsats';
    if (outcome === null) unknown = true;
  }
  return unknown ? 'ukendt' : 'ingen-saerlig-indsats';
}

/** The conclusion in one Danish sentence. */
export function konklusionTekst(anbefalinger: readonly AnbefalingOutcome[]): string {
  const projects = anbefalinger.filter((a) => a.kind !== 'kontaktpersonordning');
  const kontakt = anbefalinger.find((a) => a.kind === 'kontaktpersonordning');
  const yes = projects.filter((a) => a.outcome === true).map((a) => a.navn);
  const unknown = projects.filter((a) => a.outcome === null).map((a) => a.navn);
  const kontaktTekst = kontaktSaetning(kontakt?.outcome);
  if (yes.length > 0) {
    const rest = unknown.length > 0 ? ` Ukendt: ${unknown.join(', ')}.` : '';
    return `Anbefalet: ${yes.join(', ')}.${rest}${kontaktTekst}`;
  }
  if (unknown.length > 0) return `Ukendt, fordi tal mangler: ${unknown.join(', ')}.${kontaktTekst}`;
  return kontakt?.outcome === true ? 'Ingen særlig indsats ud over kontaktpersonordningen.' : `Ingen særlig indsats.${kontaktTekst}`;
}

/** The sentence on the kontaktpersonordning that ends a conclusion ('' when it does not apply). */
function kontaktSaetning(outcome: Truth | undefined): string {
  if (outcome === true) return ' Afdelingen er omfattet af kontaktpersonordningen.';
  if (outcome === null) return ' Om kontaktpersonordningen gælder, er ukendt.';
  return '';
}
