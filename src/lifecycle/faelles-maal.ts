/**
 * The five fælles mål fsb shares with Københavns Kommune for the udsatte byområder
 * (strategy section 1), numbered as an indsats's mål name them (`faellesMaal: [1, 2]`).
 */

/** The number of one of the five fælles mål. */
export type FaellesMaalNr = 1 | 2 | 3 | 4 | 5;

/** The fælles mål numbers in the strategy's order. */
export const FAELLES_MAAL_NR: readonly FaellesMaalNr[] = Object.freeze([1, 2, 3, 4, 5]);

/** Danish names of the fælles mål, as the strategy writes them. */
export const FAELLES_MAAL_NAVN: Readonly<Record<FaellesMaalNr, string>> = Object.freeze({
  1: 'Nedbringe ungeledigheden',
  2: 'Flere unge får en ungdomsuddannelse',
  3: 'Højne skoleelevernes faglige niveau',
  4: 'Reducere antallet af udsættelser',
  5: 'Nedbringe kriminaliteten blandt unge',
});
