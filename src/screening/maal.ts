/**
 * fsb's four mål and the LBF indsatsområder (2015–18 pulje) that the strategy names,
 * as the screening results cite them.
 */

/** The number of one of fsb's four mål (strategy section 2). */
export type MaalNr = 1 | 2 | 3 | 4;

/** One of fsb's four mål. */
export interface Maal {
  readonly nr: MaalNr;
  readonly navn: string;
}

/** fsb's four mål for the boligsocial work, by number. */
export const MAAL: Readonly<Record<MaalNr, Maal>> = Object.freeze({
  1: Object.freeze({ nr: 1, navn: 'Udvikle velfærdsområdet' }),
  2: Object.freeze({ nr: 2, navn: 'Bygge bro til den kommunale kernedrift' }),
  3: Object.freeze({ nr: 3, navn: "Understøtte fsb's øvrige kerneområder" }),
  4: Object.freeze({ nr: 4, navn: 'Styrke naboskab og sammenhængskraft' }),
});

/** The indsatsområder of the strategy (section 5), in the strategy's order. */
export const INDSATSOMRAADER = [
  'tryghed-og-trivsel',
  'forebyggelse-og-foraeldreansvar',
  'kriminalpraeventive-indsatser',
  'uddannelse-og-beskaeftigelse',
] as const;

/** An indsatsområde id. */
export type IndsatsomraadeId = (typeof INDSATSOMRAADER)[number];

/** An indsatsområde with its Danish name. */
export interface Indsatsomraade {
  readonly id: IndsatsomraadeId;
  readonly navn: string;
}

/** Danish names of the indsatsområder, as the strategy writes them. */
export const INDSATSOMRAADE_NAVN: Readonly<Record<IndsatsomraadeId, string>> = Object.freeze({
  'tryghed-og-trivsel': 'Tryghed og trivsel',
  'forebyggelse-og-foraeldreansvar': 'Forebyggelse og forældreansvar',
  'kriminalpraeventive-indsatser': 'Kriminalpræventive indsatser',
  'uddannelse-og-beskaeftigelse': 'Uddannelse og beskæftigelse',
});

/** Sorted, de-duplicated mål for a set of numbers. */
export function maalList(numbers: Iterable<number>): readonly Maal[] {
  const set = new Set<number>(numbers);
  return Object.freeze(([1, 2, 3, 4] as const).filter((n) => set.has(n)).map((n) => MAAL[n]));
}

/** Each indsatsområde once, frozen and shared by every list that names it. */
const INDSATSOMRAADE: Readonly<Record<IndsatsomraadeId, Indsatsomraade>> = Object.freeze(
  Object.fromEntries(INDSATSOMRAADER.map((id) => [id, Object.freeze({ id, navn: INDSATSOMRAADE_NAVN[id] })])) as Record<IndsatsomraadeId, Indsatsomraade>,
);

/** Indsatsområder in the strategy's order for a set of ids. */
export function indsatsomraadeList(ids: Iterable<string>): readonly Indsatsomraade[] {
  const set = new Set<string>(ids);
  return Object.freeze(INDSATSOMRAADER.filter((id) => set.has(id)).map((id) => INDSATSOMRAADE[id]));
}
