/**
 * Official statuses of a boligområde, as the screening rules name them: a closed list.
 * Callers may write them in Danish ("hårdt ghettoområde", "Udsat boligområde"); they are
 * normalised to the ASCII kebab-case ids the rule file lists. A status that is not on
 * the list is an error with a did-you-mean, never silently kept (a misspelt
 * "parallelsamfun" would otherwise switch the helhedsplan recommendation off unseen).
 */
import { z } from 'zod';
import { didYouMean } from '../errors.js';
import { own } from './own.js';

/** The status ids the screening rules know. */
export const BOLIGOMRAADE_STATUSSER = [
  'udsat-boligomraade',
  'ghettoomraade',
  'haardt-ghettoomraade',
  'parallelsamfund',
  'omdannelsesomraade',
  'forebyggelsesomraade',
] as const;

/** A status id the screening rules know. */
export type BoligomraadeStatusId = (typeof BOLIGOMRAADE_STATUSSER)[number];

/** The word that means "on no list" where a status is written (a CSV cell, a status file). */
export const INGEN_STATUS = 'ingen';

/** Danish names of the statuses. */
export const STATUS_NAVN: Readonly<Record<string, string>> = Object.freeze({
  'udsat-boligomraade': 'udsat boligområde',
  ghettoomraade: 'ghettoområde',
  'haardt-ghettoomraade': 'hårdt ghettoområde',
  parallelsamfund: 'parallelsamfund',
  omdannelsesomraade: 'omdannelsesområde',
  forebyggelsesomraade: 'forebyggelsesområde',
});

const ALIASES: Readonly<Record<string, string>> = Object.freeze({
  udsat: 'udsat-boligomraade',
  udsatte: 'udsat-boligomraade',
  'udsat-omraade': 'udsat-boligomraade',
  'udsatte-boligomraader': 'udsat-boligomraade',
  ghetto: 'ghettoomraade',
  'haardt-ghetto': 'haardt-ghettoomraade',
  'haard-ghetto': 'haardt-ghettoomraade',
  parallelsamfundsomraade: 'parallelsamfund',
  omdannelse: 'omdannelsesomraade',
  forebyggelse: 'forebyggelsesomraade',
});

const KNOWN: ReadonlySet<string> = new Set(BOLIGOMRAADE_STATUSSER);

/**
 * Normalises a status written by a person or another module to a rule id:
 * lower case, æ/ø/å → ae/oe/aa, spaces and underscores → hyphens, known aliases resolved.
 * An unknown status comes back normalised but otherwise as written (see {@link resolveStatus}).
 *
 * @example
 * normaliseStatus('Hårdt ghettoområde') // 'haardt-ghettoomraade'
 */
export function normaliseStatus(status: string): string {
  const s = status
    .trim()
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[\s_]+/g, '-');
  return own(ALIASES, s) ?? s;
}

/** The status id of a written status, or undefined when it is not on the closed list. */
export function resolveStatus(status: string): BoligomraadeStatusId | undefined {
  const id = normaliseStatus(status);
  return KNOWN.has(id) ? (id as BoligomraadeStatusId) : undefined;
}

/** True for "ingen" (on no list), however it is cased or spaced. */
export function isIngenStatus(status: string): boolean {
  return normaliseStatus(status) === INGEN_STATUS;
}

/** The Danish message and hint for a status that is not on the list, with a did-you-mean. */
export function unknownStatusProblem(status: string): { readonly message: string; readonly hint: string } {
  const written = normaliseStatus(status);
  const guess = didYouMean(written, [...BOLIGOMRAADE_STATUSSER, ...Object.keys(ALIASES)]);
  const id = guess === undefined ? undefined : (own(ALIASES, guess) ?? guess);
  return {
    message: `ukendt status "${status}" for boligområdet`,
    hint: `${id !== undefined ? `Mente du "${id}"? ` : ''}Kendte statusser: ${BOLIGOMRAADE_STATUSSER.join(', ')}; "${INGEN_STATUS}" = på ingen liste.`,
  };
}

/**
 * What is wrong with `status` as one entry of a list of statuses, or undefined when it is
 * on the closed list. "ingen" means "on no list", so it cannot stand beside statuses:
 * `noList` says how the format writes that instead (`[]` in JSON, "ingen" alone in a CSV cell).
 */
export function statusInListProblem(status: string, noList: string): { readonly message: string; readonly hint: string } | undefined {
  if (resolveStatus(status) !== undefined) return undefined;
  if (isIngenStatus(status)) return { message: `"${status.trim()}" kan ikke stå i en liste af statusser`, hint: `${noList} for et boligområde på ingen liste.` };
  return unknownStatusProblem(status);
}

/** One status in a list of statuses: on the closed list (Danish spellings and aliases accepted), with a did-you-mean when not. */
export const statusSchema = z
  .string('skal være tekst')
  .trim()
  .min(1, 'må ikke være tom')
  .superRefine((s, ctx) => {
    const problem = statusInListProblem(s, 'Skriv en tom liste []');
    if (problem === undefined) return;
    ctx.addIssue({ code: 'custom', message: `${problem.message} — ${problem.hint}` });
  });
