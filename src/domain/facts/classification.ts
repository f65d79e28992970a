/**
 * Facts that classification rules (almenboligloven § 61 a and § 61 b, and the 2015–2017
 * infrastructure list) may name. Shares and ratios are computed exactly from the input
 * (see `src/classification/facts.ts`): from published percentages, or from counts.
 */
import type { FactDefinition } from '../fact-types.js';

/** The classification fact catalogue. */
export const classificationFacts: readonly FactDefinition[] = [
  { name: 'beboere', type: 'number', unit: 'personer', description: 'Beboere i boligområdet (opgjort pr. 1. januar i listeåret)' },
  {
    name: 'ikkeVestligePct',
    type: 'decimal',
    unit: 'pct. af beboerne',
    description: 'Andel indvandrere og efterkommere fra ikke-vestlige lande',
  },
  {
    name: 'udenArbejdePct',
    type: 'decimal',
    unit: 'pct. af de 18–64-årige',
    description: 'Andel 18–64-årige uden tilknytning til arbejdsmarkedet eller uddannelse',
  },
  {
    name: 'domfaeltePct',
    type: 'decimal',
    unit: 'pct. af beboerne på 18 år og derover',
    description: 'Andel dømt for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer',
  },
  {
    name: 'domfaeltePr10000',
    type: 'decimal',
    unit: 'pr. 10.000 beboere på 18 år og derover',
    description: 'Dømte for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer pr. 10.000 beboere',
  },
  {
    name: 'domfaelteFaktor',
    type: 'decimal',
    unit: 'gange landsgennemsnittet',
    description: 'Andel dømte i forhold til landsgennemsnittet (områdets andel delt med landets)',
  },
  {
    name: 'kunGrundskolePct',
    type: 'decimal',
    unit: 'pct. af de 30–59-årige',
    description: 'Andel 30–59-årige med højst en grundskoleuddannelse',
  },
  {
    name: 'indkomstPctAfRegion',
    type: 'decimal',
    unit: 'pct. af regionens gennemsnit',
    description: 'Gennemsnitlig bruttoindkomst for skattepligtige 15–64-årige (ekskl. uddannelsessøgende) i pct. af samme gruppe i regionen',
  },
  {
    name: 'parallelsamfundAarIRaekke',
    type: 'number',
    unit: 'lister i træk',
    description: 'Lister i træk som ghettoområde/parallelsamfund, den aktuelle medregnet (tidligere år som offentliggjort eller beregnet efter det års regler)',
  },
];
