/**
 * The method check of an indsats: does each activity name a method documented in the
 * methods catalogue in force (`rules/metoder/<date>.json`)? fsb "først og fremmest" uses
 * activities documented by Center for Boligsocial Udvikling (strategy section 3), so for
 * a helhedsplan every activity without a documented method is a warning, never a block.
 * The share of documented activities is shown for every kind of indsats.
 */
import { rational } from '../financing/rational.js';
import { didYouMean } from '../errors.js';
import type { Source } from '../engine/types.js';
import type { KatalogStatus, MetodeKatalog } from '../rules/metoder.js';
import { andelOf, type Andel } from './andel.js';
import type { Indsats } from './schema.js';

/**
 * What the catalogue says about one activity: `dokumenteret` (names a method in it),
 * `ingen-metode` (names none), `ukendt-metode` (names one the catalogue lacks), or
 * `ukendt` (names one, but no catalogue is in force to check it against).
 */
export type MetodeStatus = 'dokumenteret' | 'ingen-metode' | 'ukendt-metode' | 'ukendt';

/** Danish text of a {@link MetodeStatus}. */
export const METODE_STATUS_NAVN: Readonly<Record<MetodeStatus, string>> = Object.freeze({
  dokumenteret: 'dokumenteret metode',
  'ingen-metode': 'ingen metode angivet',
  'ukendt-metode': 'ukendt metode',
  ukendt: 'kan ikke kontrolleres',
});

/** One activity checked against the catalogue. */
export interface AktivitetMetode {
  readonly aktivitetId: string;
  readonly navn: string;
  /** The method id the activity names; null when it names none. */
  readonly metode: string | null;
  readonly status: MetodeStatus;
  /** For a documented method: its name and the source documenting it. */
  readonly metodeNavn?: string;
  readonly kilde?: Source;
  /** For an unknown method: the catalogue's nearest id, when one is close (did you mean). */
  readonly forslag?: string;
}

/** The method check of one indsats. */
export interface MetodeTjek {
  /** The catalogue used; null when none was in force on `vurderetPr`. */
  readonly katalog: { readonly version: string; readonly file?: string; readonly status: KatalogStatus } | null;
  /** The date the catalogue was chosen for (the start, or the assessment date before it). */
  readonly vurderetPr: string;
  readonly aktiviteter: readonly AktivitetMetode[];
  /** Activities naming a documented method. */
  readonly dokumenterede: number;
  readonly ialt: number;
  /** `dokumenterede / ialt`; null when unknown (no catalogue for a named method) or there are no activities. */
  readonly andelDokumenteret: Andel | null;
  /** Whether warnings are raised: only a helhedsplan must build on documented methods. */
  readonly advarer: boolean;
  /** Danish warnings, one per activity of a helhedsplan without a documented method. */
  readonly advarsler: readonly string[];
}

function checkAktivitet(a: Indsats['aktiviteter'][number], katalog: MetodeKatalog | undefined): AktivitetMetode {
  const base = { aktivitetId: a.id, navn: a.navn };
  if (a.metode === undefined) return Object.freeze({ ...base, metode: null, status: 'ingen-metode' as const });
  if (katalog === undefined) return Object.freeze({ ...base, metode: a.metode, status: 'ukendt' as const });
  const found = katalog.metode(a.metode);
  if (found !== undefined) return Object.freeze({ ...base, metode: a.metode, status: 'dokumenteret' as const, metodeNavn: found.navn, kilde: found.kilde });
  const forslag = didYouMean(a.metode, katalog.metoder.map((m) => m.id));
  return Object.freeze({ ...base, metode: a.metode, status: 'ukendt-metode' as const, ...(forslag === undefined ? {} : { forslag }) });
}

function advarsel(a: AktivitetMetode, katalog: MetodeKatalog | undefined): string | undefined {
  const hvem = `Aktiviteten "${a.navn}" (${a.aktivitetId})`;
  switch (a.status) {
    case 'dokumenteret':
      return undefined;
    case 'ingen-metode':
      return `${hvem} bygger ikke på en dokumenteret metode`;
    case 'ukendt-metode':
      return `${hvem} henviser til metoden "${a.metode ?? ''}", som ikke står i metodekataloget ${katalog?.version ?? ''}${a.forslag === undefined ? '' : ` — mente du "${a.forslag}"?`}`;
    case 'ukendt':
      return `${hvem} henviser til metoden "${a.metode ?? ''}", men der er intet metodekatalog i kraft at kontrollere den mod`;
  }
}

function fileOf(katalog: MetodeKatalog): { readonly file?: string } {
  return katalog.file === undefined ? {} : { file: katalog.file };
}

/**
 * Checks every activity of `indsats` against `katalog` (the catalogue in force on
 * `vurderetPr`, or undefined when there is none).
 * @example
 * checkMetoder(indsats, { katalog: registry.metoder?.('2023-09-01'), vurderetPr: '2023-09-01' }).andelDokumenteret?.decimal // '0.5'
 */
export function checkMetoder(indsats: Indsats, options: { readonly katalog: MetodeKatalog | undefined; readonly vurderetPr: string }): MetodeTjek {
  const { katalog } = options;
  const aktiviteter = indsats.aktiviteter.map((a) => checkAktivitet(a, katalog));
  const dokumenterede = aktiviteter.filter((a) => a.status === 'dokumenteret').length;
  const unknown = aktiviteter.some((a) => a.status === 'ukendt');
  const advarer = indsats.kind === 'helhedsplan';
  const advarsler = advarer ? aktiviteter.flatMap((a) => advarsel(a, katalog) ?? []) : [];
  const brugt = katalog === undefined ? null : { version: katalog.version, status: katalog.status, ...fileOf(katalog) };
  return Object.freeze({
    katalog: brugt === null ? null : Object.freeze(brugt),
    vurderetPr: options.vurderetPr,
    aktiviteter: Object.freeze(aktiviteter),
    dokumenterede,
    ialt: aktiviteter.length,
    andelDokumenteret: unknown || aktiviteter.length === 0 ? null : andelOf(rational(BigInt(dokumenterede), BigInt(aktiviteter.length))),
    advarer,
    advarsler: Object.freeze(advarsler),
  });
}
