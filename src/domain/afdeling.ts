/**
 * The afdeling data that fsb's screening reads: base data of the afdeling and, per
 * screening period, the counts and amounts behind each problem indicator. Shares are
 * never typed in: they are computed from counts (see `src/screening/facts.ts`).
 *
 * Every figure of a period is optional: a missing figure makes the indicators that
 * need it "ukendt", never "no need".
 */
import { z } from 'zod';
import { DECIMAL_STRING, decimalTextOf } from './decimal.js';

/** How a period figure is written and checked. */
export type PeriodeFeltType = 'antal' | 'beloeb' | 'karakter';

/** One figure of a screening period: its property name, CSV column, type and Danish label. */
export interface PeriodeFelt {
  /** Property name in {@link ScreeningPeriode}. */
  readonly key: PeriodeFeltKey;
  /** Column name in CSV input. */
  readonly column: string;
  readonly type: PeriodeFeltType;
  /** What the figure is, in Danish. */
  readonly label: string;
}

/** The property names of the figures of a screening period. */
export const PERIODE_FELT_KEYS = [
  'huslejeKrPrM2',
  'huslejeReferenceKrPrM2',
  'fraflytninger',
  'voksne18til64',
  'overfoerselsindkomst',
  'kontanthjaelp',
  'tryghedRespondenter',
  'tryghedUtrygge',
  'voldHaendelser',
  'haervaerkHaendelser',
  'standBygninger',
  'standFriarealer',
  'saarbareIsoleredeHusstande',
  'restancer',
  'udsaettelser',
  'unge18til29',
  'ungeUdenJobUddannelse',
  'unge20til24',
  'ungeUdenUngdomsuddannelse',
  'elever9klasse',
  'eleverUnder02',
  'unge15til25',
  'ungeSigtede',
] as const;

/** A figure of a screening period. */
export type PeriodeFeltKey = (typeof PERIODE_FELT_KEYS)[number];

/** Every figure of a screening period, in CSV column order. */
export const PERIODE_FELTER: readonly PeriodeFelt[] = Object.freeze(
  (
    [
      ['huslejeKrPrM2', 'husleje_kr_m2', 'beloeb', 'husleje i kr. pr. m² pr. år'],
      ['huslejeReferenceKrPrM2', 'husleje_reference_kr_m2', 'beloeb', 'referencehusleje i kr. pr. m² pr. år (fsb-gennemsnit for sammenlignelige afdelinger)'],
      ['fraflytninger', 'fraflytninger', 'antal', 'fraflytninger i perioden (12 måneder)'],
      ['voksne18til64', 'voksne_18_64', 'antal', 'beboere 18–64 år'],
      ['overfoerselsindkomst', 'overfoerselsindkomst', 'antal', 'beboere 18–64 år på overførselsindkomst'],
      ['kontanthjaelp', 'kontanthjaelp', 'antal', 'beboere 18–64 år på kontanthjælp'],
      ['tryghedRespondenter', 'tryghed_respondenter', 'antal', 'besvarelser i tryghedsundersøgelsen'],
      ['tryghedUtrygge', 'tryghed_utrygge', 'antal', 'besvarelser der føler sig utrygge'],
      ['voldHaendelser', 'vold_haendelser', 'antal', 'registrerede voldshændelser i perioden'],
      ['haervaerkHaendelser', 'haervaerk_haendelser', 'antal', 'registrerede hærværkshændelser i perioden'],
      ['standBygninger', 'stand_bygninger', 'karakter', 'bygningernes stand (karakter 1 god – 5 kritisk)'],
      ['standFriarealer', 'stand_friarealer', 'karakter', 'friarealernes stand (karakter 1 god – 5 kritisk)'],
      ['saarbareIsoleredeHusstande', 'saarbare_isolerede_husstande', 'antal', 'husstande med sårbare beboere der lever isoleret'],
      ['restancer', 'restancer', 'antal', 'lejemål i restance ved opgørelsen'],
      ['udsaettelser', 'udsaettelser', 'antal', 'udsættelser i perioden'],
      ['unge18til29', 'unge_18_29', 'antal', 'beboere 18–29 år'],
      ['ungeUdenJobUddannelse', 'unge_uden_job_uddannelse', 'antal', 'beboere 18–29 år uden job og uddannelse'],
      ['unge20til24', 'unge_20_24', 'antal', 'beboere 20–24 år'],
      ['ungeUdenUngdomsuddannelse', 'unge_uden_ungdomsuddannelse', 'antal', 'beboere 20–24 år der hverken har eller er i gang med en ungdomsuddannelse'],
      ['elever9klasse', 'elever_9_klasse', 'antal', 'elever i 9. klasse'],
      ['eleverUnder02', 'elever_under_02', 'antal', 'elever i 9. klasse uden mindst 02 i dansk og matematik'],
      ['unge15til25', 'unge_15_25', 'antal', 'beboere 15–25 år'],
      ['ungeSigtede', 'unge_sigtede', 'antal', 'beboere 15–25 år sigtet for overtrædelse af straffeloven i perioden'],
    ] as const
  ).map(([key, column, type, label]) => Object.freeze({ key, column, type, label })),
);

/**
 * Pairs of figures where the first counts a part of the second (numerator ≤ denominator).
 * Afdeling-level denominators are written `afdeling.<field>`.
 */
export const TAELLER_NAEVNER: readonly (readonly [PeriodeFeltKey, PeriodeFeltKey | 'afdeling.lejemaal'])[] = Object.freeze([
  ['overfoerselsindkomst', 'voksne18til64'],
  ['kontanthjaelp', 'overfoerselsindkomst'],
  ['kontanthjaelp', 'voksne18til64'],
  ['tryghedUtrygge', 'tryghedRespondenter'],
  ['saarbareIsoleredeHusstande', 'afdeling.lejemaal'],
  ['restancer', 'afdeling.lejemaal'],
  ['udsaettelser', 'afdeling.lejemaal'],
  ['ungeUdenJobUddannelse', 'unge18til29'],
  ['ungeUdenUngdomsuddannelse', 'unge20til24'],
  ['eleverUnder02', 'elever9klasse'],
  ['ungeSigtede', 'unge15til25'],
] as const);

import { isoDateSchema } from './calendar.js';
import { statusSchema } from './boligomraade-status.js';

/** A date as `YYYY-MM-DD` that exists in the calendar (re-exported for afdeling data). */
export { isoDateSchema };

const antal = z.int('skal være et helt tal').min(0, 'må ikke være negativ');
const karakter = z.int('skal være en karakter fra 1 til 5').min(1, 'skal være en karakter fra 1 til 5').max(5, 'skal være en karakter fra 1 til 5');
const beloeb = z
  .union([z.string(), z.number()], 'skal være et beløb')
  .transform(decimalTextOf)
  .refine((v) => DECIMAL_STRING.test(v), 'skal være et decimaltal, fx "1234.50"')
  .refine((v) => !v.startsWith('-'), 'må ikke være negativ');

function felt(type: PeriodeFeltType) {
  const base = type === 'antal' ? antal : type === 'karakter' ? karakter : beloeb;
  return base.nullish();
}

const periodeShape = Object.fromEntries(PERIODE_FELTER.map((f) => [f.key, felt(f.type)])) as {
  [K in PeriodeFeltKey]: ReturnType<typeof felt>;
};

/** One screening period's figures. Absent or null figures are unknown. */
export const screeningPeriodeSchema = z
  .object({
    /** The date the figures were taken (the screening date). */
    periode: isoDateSchema,
    /** The boligområde's official statuses at this period's date, when known; [] = on no list. */
    boligomraadeStatus: z.array(statusSchema).nullish(),
    ...periodeShape,
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const [taeller, naevner] of TAELLER_NAEVNER) {
      if (naevner.startsWith('afdeling.')) continue;
      const t = p[taeller];
      const n = p[naevner as PeriodeFeltKey];
      if (typeof t === 'number' && typeof n === 'number' && t > n) {
        ctx.addIssue({ code: 'custom', path: [taeller], message: `${t} overstiger ${naevner} (${n}): tælleren kan ikke være større end nævneren` });
      }
    }
    const ref = p.huslejeReferenceKrPrM2;
    if (typeof ref === 'string' && /^0(\.0+)?$/.test(ref)) {
      ctx.addIssue({ code: 'custom', path: ['huslejeReferenceKrPrM2'], message: 'referencehuslejen skal være større end 0' });
    }
  });

/** The figures of one screening period, as validated. Amounts are decimal strings. */
export type ScreeningPeriode = { readonly periode: string; readonly boligomraadeStatus?: readonly string[] | null | undefined } & { readonly [K in PeriodeFeltKey]?: (K extends 'huslejeKrPrM2' | 'huslejeReferenceKrPrM2' ? string : number) | null | undefined };

const tekst = z.string('skal være tekst').trim().min(1, 'må ikke være tom');

/** An afdeling with its screening periods. */
export const afdelingSchema = z
  .object({
    id: tekst,
    navn: tekst,
    boligorganisation: tekst,
    kommune: tekst,
    /** The boligområde it belongs to, if any (an id or name). */
    boligomraade: z.string().trim().min(1).nullish(),
    /** The boligområde's current official statuses when known (e.g. ["parallelsamfund", "udsat-boligomraade"]); [] = on no list. A period's own status takes precedence. */
    boligomraadeStatus: z.array(statusSchema).nullish(),
    lejemaal: z.int('skal være et helt tal').min(1, 'skal være mindst 1'),
    boligarealM2: beloeb,
    beboere: antal,
    perioder: z.array(screeningPeriodeSchema).min(1, 'der skal være mindst én screeningsperiode'),
  })
  .strict()
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.perioder.forEach((p, i) => {
      if (seen.has(p.periode)) ctx.addIssue({ code: 'custom', path: ['perioder', i, 'periode'], message: `perioden ${p.periode} forekommer to gange` });
      seen.add(p.periode);
      for (const [taeller] of TAELLER_NAEVNER.filter(([, n]) => n === 'afdeling.lejemaal')) {
        const t = p[taeller];
        if (typeof t === 'number' && t > a.lejemaal) {
          ctx.addIssue({ code: 'custom', path: ['perioder', i, taeller], message: `${t} overstiger antal lejemål (${a.lejemaal}): tælleren kan ikke være større end nævneren` });
        }
      }
    });
  });

/** An afdeling as given by a caller (before validation). */
export type AfdelingInput = z.input<typeof afdelingSchema>;

/** A validated afdeling. */
export interface Afdeling {
  readonly id: string;
  readonly navn: string;
  readonly boligorganisation: string;
  readonly kommune: string;
  readonly boligomraade?: string | null | undefined;
  readonly boligomraadeStatus?: readonly string[] | null | undefined;
  readonly lejemaal: number;
  /** Boligareal in m², as a decimal string. */
  readonly boligarealM2: string;
  readonly beboere: number;
  readonly perioder: readonly ScreeningPeriode[];
}
