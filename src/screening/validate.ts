/**
 * Checking an afdeling before it is screened: zod validation with located Danish
 * diagnostics, a memo of afdelinger already validated (and deep-frozen) with what every
 * screening of one reads of it, and the warning for a status given to an afdeling in no
 * boligområde.
 */
import { afdelingSchema, type Afdeling } from '../domain/afdeling.js';
import { diagnostic, fail, ok, type Diagnostic, type Result } from '../errors.js';
import { deepFreeze } from '../domain/freeze.js';
import { idOf, issuesToDiagnostics, safeParseDanish } from '../domain/parse.js';
import type { ScreeningResult } from './types.js';
import { ownStatusOf } from './facts.js';
import { type PeriodFigures, periodFiguresOf } from './period-figures.js';

/** What every screening of a validated afdeling reads of it, made once when it is validated. */
export interface ValidatedAfdeling {
  /** Who a result is about (its `afdeling`), shared by every result about it. */
  readonly summary: ScreeningResult['afdeling'];
  /** Whether it carries a status although it lies in no boligområde (see {@link ignoredStatus}). */
  readonly ignoresStatus: boolean;
  /** Each period's own statuses, else the afdeling's, normalised (null: neither given), by the period's index. */
  readonly periodStatus: readonly (readonly string[] | null)[];
}

/**
 * What this module (or the CSV reader) remembers of an afdeling it validated and
 * deep-froze, kept on the afdeling itself under a symbol no other module holds (not
 * enumerable: no copy, key list or JSON shows it): screening it again skips zod, and
 * reading it is one property load where a WeakMap lookup missed the cache every time.
 * Only an {@link Entry} this module made for that very afdeling counts: one copied onto
 * other input, or an object made to look like one, does not.
 */
const VALIDATED = Symbol('validated afdeling');

/** The memo of one validated afdeling; its private field is the brand no other code can forge. */
class Entry implements ValidatedAfdeling {
  readonly #afdeling: object;
  /** Private: a typed array cannot be frozen, and code that finds the symbol must not change what is screened. */
  readonly #figures: PeriodFigures;

  constructor(
    afdeling: object,
    readonly summary: ScreeningResult['afdeling'],
    readonly ignoresStatus: boolean,
    readonly periodStatus: readonly (readonly string[] | null)[],
    figures: PeriodFigures,
  ) {
    this.#afdeling = afdeling;
    this.#figures = figures;
    Object.freeze(this);
  }

  /** The prepared figures of an entry {@link validatedAfdeling} gave. */
  static figuresOf(entry: ValidatedAfdeling): PeriodFigures {
    return (entry as Entry).#figures;
  }

  /** Whether `entry` is one this module made for `afdeling`. */
  static isFor(entry: unknown, afdeling: object): entry is Entry {
    return typeof entry === 'object' && entry !== null && #afdeling in entry && entry.#afdeling === afdeling;
  }
}

/** What screening reads of `input`, when it is an afdeling this module (or the CSV reader) validated; else undefined. */
export function validatedAfdeling(input: unknown): ValidatedAfdeling | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  let entry: unknown;
  try {
    entry = Object.hasOwn(input, VALIDATED) ? (input as { readonly [VALIDATED]?: unknown })[VALIDATED] : undefined;
  } catch {
    // a proxy or getter that throws: not ours; validation says what is wrong with it
    return undefined;
  }
  return Entry.isFor(entry, input) ? entry : undefined;
}

/**
 * What screening reads of an afdeling this package validated (see {@link validatedAfdeling}).
 * @throws Error when it was not: screening and its results make their afdelinger through validation.
 */
export function requireValidated(afdeling: Afdeling): ValidatedAfdeling {
  const entry = validatedAfdeling(afdeling);
  if (entry === undefined) throw new Error(`screening: afdeling ${afdeling.id} was not validated by validateAfdeling`);
  return entry;
}

/** Each period's figures as screening reads them (see period-figures.ts), of an afdeling {@link validatedAfdeling} remembered. */
export function figuresOf(validated: ValidatedAfdeling): PeriodFigures {
  return Entry.figuresOf(validated);
}

/** Deep-freezes a validated afdeling and remembers it, so a later screening need not validate it again. */
export function markValidated(afdeling: Afdeling): Afdeling {
  if (validatedAfdeling(afdeling) !== undefined) return afdeling;
  const entry = new Entry(afdeling, afdelingSummary(afdeling), ignoresStatus(afdeling), Object.freeze(afdeling.perioder.map((p) => ownStatusOf(afdeling, p))), periodFiguresOf(afdeling));
  Object.defineProperty(afdeling, VALIDATED, { value: entry, enumerable: false, writable: false, configurable: false });
  deepFreeze(afdeling);
  return afdeling;
}

/** Who a result is about: the afdeling's id, name, organisation, kommune and boligområde (if any). */
function afdelingSummary(a: Afdeling): ScreeningResult['afdeling'] {
  const { id, navn, boligorganisation, kommune, boligomraade } = a;
  return Object.freeze(boligomraade ? { id, navn, boligorganisation, kommune, boligomraade } : { id, navn, boligorganisation, kommune });
}

/**
 * Validates an afdeling; diagnostics name its id (when readable) and the field. The
 * returned afdeling is deep-frozen; passing it to a screening again skips validation.
 *
 * @example
 * const r = validateAfdeling(input);
 * if (!r.ok) console.error(r.errors.map((e) => e.message).join('\n'));
 */
export function validateAfdeling(input: unknown, index?: number): Result<Afdeling> {
  if (validatedAfdeling(input) !== undefined) return ok(input as Afdeling);
  const r = safeParseDanish(afdelingSchema, input);
  if (r.success) return ok(markValidated(r.data as Afdeling));
  const id = idOf(input);
  const errors: readonly Diagnostic[] = issuesToDiagnostics(r.error, {
    ...(id !== undefined ? { id } : {}),
    ...(index !== undefined ? { row: index + 1 } : {}),
    pointerBase: '',
    field: 'always',
    message: (issue, field) => `${field || 'afdelingen'}: ${issue.message}`,
    hint: 'Ret tallet i afdelingens data; afdelingen screenes ikke, før det er gyldigt.',
  });
  return fail(errors);
}

/** Whether an afdeling in no boligområde still has a status (its own or a period's), which cannot apply. */
function ignoresStatus(afdeling: Afdeling): boolean {
  if (afdeling.boligomraade !== undefined && afdeling.boligomraade !== null) return false;
  return hasStatus(afdeling.boligomraadeStatus) || afdeling.perioder.some((p) => hasStatus(p.boligomraadeStatus));
}

/** A warning for an afdeling in no boligområde that still has a status: the status cannot apply and is ignored. */
export function ignoredStatus(afdeling: Afdeling, index: number): Diagnostic | undefined {
  if (!ignoresStatus(afdeling)) return undefined;
  return diagnostic({
    code: 'input-invalid',
    severity: 'warning',
    id: afdeling.id,
    row: index + 1,
    field: 'boligomraadeStatus',
    message: `afdeling ${afdeling.id} ligger ikke i et boligområde; dens boligområdestatus ignoreres`,
    hint: 'Angiv boligområdet (boligomraade), eller fjern statussen.',
  });
}

function hasStatus(status: readonly string[] | string | null | undefined): boolean {
  return status !== undefined && status !== null && status.length > 0;
}
