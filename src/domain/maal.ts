/**
 * The goals of fsb's Boligsocial Strategi (2017) that several modules name: fsb's four
 * mål (section 2), the five fælles mål with Københavns Kommune (section 1), and the
 * LBF indsatsområder of the 2015–18 pulje the strategy lists (section 5).
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

/** fsb's four mål numbers in the strategy's order. */
export const MAAL_NR: readonly MaalNr[] = Object.freeze([1, 2, 3, 4]);

/** The number of one of the five fælles mål, as an indsats's mål name them (`faellesMaal: [1, 2]`). */
export type FaellesMaalNr = 1 | 2 | 3 | 4 | 5;

/** The fælles mål numbers in the strategy's order. */
export const FAELLES_MAAL_NR: readonly FaellesMaalNr[] = Object.freeze([1, 2, 3, 4, 5]);

/** Danish names of the five fælles mål with Københavns Kommune, as the strategy writes them (section 1). */
export const FAELLES_MAAL_NAVN: Readonly<Record<FaellesMaalNr, string>> = Object.freeze({
  1: 'Nedbringe ungeledigheden',
  2: 'Flere unge får en ungdomsuddannelse',
  3: 'Højne skoleelevernes faglige niveau',
  4: 'Reducere antallet af udsættelser',
  5: 'Nedbringe kriminaliteten blandt unge',
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

/** Danish names of the indsatsområder, as the strategy writes them. */
export const INDSATSOMRAADE_NAVN: Readonly<Record<IndsatsomraadeId, string>> = Object.freeze({
  'tryghed-og-trivsel': 'Tryghed og trivsel',
  'forebyggelse-og-foraeldreansvar': 'Forebyggelse og forældreansvar',
  'kriminalpraeventive-indsatser': 'Kriminalpræventive indsatser',
  'uddannelse-og-beskaeftigelse': 'Uddannelse og beskæftigelse',
});
