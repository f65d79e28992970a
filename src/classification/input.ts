/**
 * The input of a classification: a boligområde's figures on one list, as published
 * shares (percent, decimal strings or numbers) or as the underlying counts, from which
 * the shares are computed exactly.
 */
import { z } from 'zod';
import { DECIMAL_STRING, Decimal, decimalTextOf } from '../domain/decimal.js';
import { isoDateSchema as isoDate } from '../domain/calendar.js';


/** A non-negative decimal given as a string or a finite number; normalised to a decimal string. */
const decimalValue = z
  .union([z.string(), z.number()], 'skal være et tal')
  .transform((v) => (typeof v === 'number' ? decimalTextOf(v) : v.trim()))
  .refine((v) => DECIMAL_STRING.test(v), 'skal være et decimaltal, fx "40.5" (punktum som decimaltegn)')
  .refine((v) => !v.startsWith('-'), 'må ikke være negativ');

/** A percentage from 0 to 100. */
const pct = decimalValue.refine((v) => !DECIMAL_STRING.test(v) || new Decimal(v).lte(100), 'skal være en procent mellem 0 og 100').nullish();
const antal = z.int('skal være et helt tal').min(0, 'må ikke være negativ');

/** A count of persons out of a population: the share is `taeller / naevner × 100`. */
export const andelSchema = z
  .object({
    taeller: antal.describe('Antal personer der tælles med (fx 18–64-årige uden for arbejdsmarkedet)'),
    naevner: z.int('skal være et helt tal').min(1, 'skal være mindst 1').describe('Hele gruppen (fx alle 18–64-årige)'),
  })
  .strict()
  .refine((a) => a.taeller <= a.naevner, { message: 'tælleren kan ikke være større end nævneren', path: ['taeller'] });

/** Income as amounts: the area's mean is `bruttoindkomstKr / skatteydere`, compared with the region's mean. */
export const indkomstSchema = z
  .object({
    bruttoindkomstKr: decimalValue.describe('Samlet bruttoindkomst i kr. for de skattepligtige 15–64-årige ekskl. uddannelsessøgende'),
    skatteydere: z.int('skal være et helt tal').min(1, 'skal være mindst 1').describe('Antal af disse skatteydere (1, hvis bruttoindkomstKr er gennemsnittet)'),
    regionGennemsnitKr: decimalValue
      .refine((v) => !/^0(\.0+)?$/.test(v), 'skal være større end 0')
      .describe('Gennemsnitlig bruttoindkomst i kr. for samme gruppe i regionen'),
  })
  .strict();

/** The fields of a boligområde on one list. */
const boligomraadeShape = {
    id: z.string('skal være tekst').trim().min(1, 'må ikke være tom'),
    navn: z.string().trim().min(1).optional(),
    kommune: z.string().trim().min(1).optional(),
    beboere: antal.nullish(),
    ikkeVestligePct: pct,
    ikkeVestlige: andelSchema.nullish(),
    udenArbejdePct: pct,
    udenArbejde: andelSchema.nullish(),
    domfaeltePct: pct,
    domfaelte: andelSchema.nullish(),
    domfaelteLandsgennemsnitPct: pct.refine((v) => v === null || v === undefined || !/^0(\.0+)?$/.test(v), 'landsgennemsnittet skal være større end 0'),
    domfaelteLandsgennemsnit: andelSchema.nullish(),
    kunGrundskolePct: pct,
    kunGrundskole: andelSchema.nullish(),
    indkomstPctAfRegion: decimalValue.nullish(),
    indkomst: indkomstSchema.nullish(),
};

/** Reports a figure given both as a share and as counts. */
function oneFormEach(input: Readonly<Record<string, unknown>>, ctx: z.RefinementCtx): void {
    const pairs = [
      ['ikkeVestligePct', 'ikkeVestlige'],
      ['udenArbejdePct', 'udenArbejde'],
      ['domfaeltePct', 'domfaelte'],
      ['domfaelteLandsgennemsnitPct', 'domfaelteLandsgennemsnit'],
      ['kunGrundskolePct', 'kunGrundskole'],
      ['indkomstPctAfRegion', 'indkomst'],
    ] as const;
    for (const [p, c] of pairs) {
      if (input[p] != null && input[c] != null) {
        ctx.addIssue({ code: 'custom', path: [c], message: `angiv enten ${p} (andel) eller ${c} (antal), ikke begge` });
      }
    }
}

/** The figures of a boligområde on one list. Every figure is optional: a missing one is unknown. */
export const boligomraadeInputSchema = z.object(boligomraadeShape).strict().superRefine(oneFormEach);

/** A boligområde's figures as given by a caller. */
export type BoligomraadeInput = z.input<typeof boligomraadeInputSchema>;

/** A boligområde's figures, validated: decimals as decimal strings. */
export type BoligomraadeData = z.output<typeof boligomraadeInputSchema>;

/** One row of a batch: a boligområde on one list, with the published status of that list if known. */
export const listeRaekkeSchema = z
  .object({
    ...boligomraadeShape,
    listedato: isoDate,
    /** Was the area on the published ghetto/parallelsamfund list of that date? */
    offentliggjortParallelsamfund: z.boolean().nullish(),
  })
  .strict()
  .superRefine(oneFormEach);

/**
 * One earlier list of an area, written beside the area's current row (as in a scenario
 * file): a row like {@link listeRaekkeSchema} whose `id` may be left out (it is the
 * area's), with the published status and/or the figures of that list.
 */
export const historikRaekkeSchema = z
  .object({
    ...boligomraadeShape,
    id: boligomraadeShape.id.optional(),
    listedato: isoDate,
    offentliggjortParallelsamfund: z.boolean().nullish(),
  })
  .strict()
  .superRefine(oneFormEach);

/** A batch row as given by a caller. */
export type ListeRaekkeInput = BoligomraadeInput & { readonly listedato: string; readonly offentliggjortParallelsamfund?: boolean | null | undefined };

/** A batch row, validated. */
export type ListeRaekke = BoligomraadeData & { readonly listedato: string; readonly offentliggjortParallelsamfund?: boolean | null | undefined };

/** One earlier list in an area's history: the published status, the figures, or both. */
export interface HistorikAar {
  readonly listedato: string;
  /** On the published ghetto/parallelsamfund list that date (true/false), or unknown (null/absent). */
  readonly offentliggjortParallelsamfund?: boolean | null | undefined;
  /** The figures of that list, from which the status is computed under that year's rules when no published status counts. */
  readonly input?: BoligomraadeInput | undefined;
}
