/** Facts that financing rules may name: what an afdeling's share of an indsats costs it. */
import type { FactDefinition } from '../fact-types.js';

/** The financing fact catalogue. */
export const financingFacts: readonly FactDefinition[] = [
  {
    name: 'udgiftPrLejemaalPrAar',
    type: 'decimal',
    unit: 'kr. pr. lejemål pr. år',
    description: 'Afdelingens udgift til indsatsen pr. lejemål pr. år (gennemsnit over perioden), afrundet til øre',
  },
  {
    name: 'udgiftPctAfHusleje',
    type: 'decimal',
    unit: 'pct. af den årlige husleje',
    description: 'Afdelingens årlige udgift til indsatsen i procent af afdelingens samlede årlige husleje, med to decimaler',
  },
];
