/**
 * Facts that lifecycle rules may name. The lifecycle module computes them from an
 * indsats's event log (see `src/lifecycle/facts.ts`): start facts as of the start
 * (or as of the assessment date while the indsats is being prepared), stop facts as
 * of the assessment date. A fact that cannot be computed from the log is missing,
 * which makes every comparison on it unknown.
 */
import type { FactDefinition } from '../fact-types.js';

/** The lifecycle fact catalogue. */
export const lifecycleFacts: readonly FactDefinition[] = [
  { name: 'indsatsType', type: 'string', unit: 'type', description: 'Indsatsens type: helhedsplan, lokalt-udviklingsprojekt eller boligsocial-ejendomsfunktionaer' },
  {
    name: 'screeningAnbefalerTypen',
    type: 'boolean',
    unit: 'ja/nej',
    description: 'Den seneste screening af hver deltagende afdeling anbefaler netop denne type indsats',
  },
  { name: 'afdelingerIAlt', type: 'number', unit: 'afdelinger', description: 'Antal afdelinger der deltager i indsatsen' },
  {
    name: 'afdelingerMedJa',
    type: 'number',
    unit: 'afdelinger',
    description: 'Antal deltagende afdelinger hvis seneste afdelingsmøde før opstart stemte for indsatsen',
  },
  {
    name: 'lokalMedfinansieringDaekket',
    type: 'boolean',
    unit: 'ja/nej',
    description: 'Den lokale medfinansiering (kommune, boligorganisation, afdelinger) er dækket, ifølge finansieringsmodulet',
  },
  { name: 'praekvalificeret', type: 'boolean', unit: 'ja/nej', description: 'Landsbyggefonden har prækvalificeret indsatsen' },
  {
    name: 'eksternFinansieringDaekket',
    type: 'boolean',
    unit: 'ja/nej',
    description: 'Den eksterne finansiering ordningen kræver (fx LBF og Københavns Kommune) er bevilget, ifølge finansieringsmodulet',
  },
  {
    name: 'samarbejdspartnereUdenAftale',
    type: 'number',
    unit: 'samarbejdspartnere',
    description: 'Antal relevante samarbejdspartnere der ikke er indgået samarbejdsaftale med',
  },
  { name: 'varighedMaaneder', type: 'number', unit: 'måneder', description: 'Indsatsens planlagte eller bevilgede varighed uden forlængelser' },
  {
    name: 'maksVarighedMaaneder',
    type: 'number',
    unit: 'måneder',
    description: 'Den længste varighed finansieringsordningen tillader (ordningens regelfil, ellers regelsættets standard)',
  },
  {
    name: 'perioderUdenFlag',
    type: 'number',
    unit: 'screeningsperioder',
    description: 'Antal seneste screeningsperioder i træk uden flag; det mindste tal blandt de deltagende afdelinger',
  },
  {
    name: 'andelIndikatorerStabiltPaaMaal',
    type: 'decimal',
    unit: 'andel af indikatorerne',
    description: 'Andel af indsatsens indikatorer der har nået målet i hver af de seneste perioder uden at blive forværret',
  },
  {
    name: 'andelAktiviteterForankret',
    type: 'decimal',
    unit: 'andel af de relevante aktiviteter',
    description: 'Andel af de relevante aktiviteter der er forankret hos en navngiven ejer (fsb\'s kernedrift, kommune, NGO, lokale aktører)',
  },
  {
    name: 'afdelingerImod',
    type: 'number',
    unit: 'afdelinger',
    description: 'Antal deltagende afdelinger hvis seneste afdelingsmøde stemte imod indsatsen',
  },
  {
    name: 'eksternFinansieringFortsat',
    type: 'boolean',
    unit: 'ja/nej',
    description: 'Der kan opnås ekstern støtte til at fortsætte indsatsen, ifølge finansieringsmodulet',
  },
  {
    name: 'forHoejUdgift',
    type: 'boolean',
    unit: 'ja/nej',
    description: 'Finansieringsmodulet vurderer, at en fortsættelse er en for høj udgift for afdelingen',
  },
  { name: 'maanederSidenStart', type: 'number', unit: 'måneder', description: 'Hele måneder fra opstart til vurderingsdatoen' },
  { name: 'maanederTilSlut', type: 'number', unit: 'måneder', description: 'Hele måneder fra vurderingsdatoen til slutdatoen (negativ når den er passeret)' },
  { name: 'midtvejsevalueringGennemfoert', type: 'boolean', unit: 'ja/nej', description: 'Der er gennemført en midtvejsevaluering' },
  { name: 'harEfterfoelger', type: 'boolean', unit: 'ja/nej', description: 'Indsatsen er knyttet til en efterfølgende indsats' },
];
