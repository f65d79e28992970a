/**
 * Official statuses of a boligområde, as the screening rules name them. Callers may
 * write them in Danish ("hårdt ghettoområde", "Udsat boligområde"); they are
 * normalised to the ASCII kebab-case ids the rule file lists.
 */

/** The status ids the screening rules know. */
export const BOLIGOMRAADE_STATUSSER = [
  'udsat-boligomraade',
  'ghettoomraade',
  'haardt-ghettoomraade',
  'parallelsamfund',
  'omdannelsesomraade',
  'forebyggelsesomraade',
] as const;

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
  'parallelsamfundsomraade': 'parallelsamfund',
  omdannelse: 'omdannelsesomraade',
  forebyggelse: 'forebyggelsesomraade',
});

/**
 * Normalises a status written by a person or another module to a rule id:
 * lower case, æ/ø/å → ae/oe/aa, spaces and underscores → hyphens, known aliases resolved.
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
  return ALIASES[s] ?? s;
}
