/** The kinds of boligsocial indsats in fsb's strategy (section 5), shared by screening, lifecycle and financing. */

/** Indsats kinds that are started, financed and ended as a project. */
export const INDSATS_KINDS = ['helhedsplan', 'lokalt-udviklingsprojekt', 'boligsocial-ejendomsfunktionaer'] as const;

/** A kind of time-limited indsats. */
export type IndsatsKind = (typeof INDSATS_KINDS)[number];

/** Danish names of the indsats kinds, as the strategy writes them. */
export const INDSATS_KIND_NAVN: Readonly<Record<IndsatsKind, string>> = Object.freeze({
  helhedsplan: 'boligsocial helhedsplan',
  'lokalt-udviklingsprojekt': 'lokalt udviklingsprojekt',
  'boligsocial-ejendomsfunktionaer': 'boligsocial ejendomsfunktionær',
});
