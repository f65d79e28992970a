/**
 * Facts that screening rules may name. Shares and rates are computed exactly from the
 * counts of one screening period (see `src/screening/facts.ts`); every "higher" value
 * is "worse", so a rising figure is a worsening.
 */
import type { FactDefinition } from '../fact-types.js';

/** The screening fact catalogue. */
export const screeningFacts: readonly FactDefinition[] = [
  { name: 'kommune', type: 'string', unit: 'navn', description: 'Kommunen afdelingen ligger i' },
  { name: 'boligorganisation', type: 'string', unit: 'navn', description: 'Boligorganisationen der ejer afdelingen' },
  {
    name: 'boligomraadeStatus',
    type: 'string[]',
    unit: 'liste',
    description: 'Boligområdets officielle statusser (fx "udsat-boligomraade", "parallelsamfund"); tom liste = på ingen liste',
  },
  { name: 'huslejeIndeks', type: 'decimal', unit: 'gange referencehuslejen', description: 'Husleje pr. m² i forhold til referencehuslejen' },
  { name: 'flyttefrekvensPct', type: 'decimal', unit: 'pct. af lejemål', description: 'Fraflytninger i perioden i pct. af antal lejemål' },
  { name: 'overfoerselsindkomstPct', type: 'decimal', unit: 'pct. af de 18–64-årige', description: 'Andel af de 18–64-årige beboere på overførselsindkomst' },
  { name: 'kontanthjaelpPct', type: 'decimal', unit: 'pct. af de 18–64-årige', description: 'Andel af de 18–64-årige beboere på kontanthjælp' },
  { name: 'tryghedRespondenter', type: 'number', unit: 'besvarelser', description: 'Antal besvarelser i tryghedsundersøgelsen' },
  { name: 'utrygPct', type: 'decimal', unit: 'pct. af besvarelserne', description: 'Andel af besvarelserne i tryghedsundersøgelsen der føler sig utrygge' },
  { name: 'voldPr1000Beboere', type: 'decimal', unit: 'pr. 1.000 beboere', description: 'Registrerede voldshændelser i perioden pr. 1.000 beboere' },
  { name: 'haervaerkPr100Lejemaal', type: 'decimal', unit: 'pr. 100 lejemål', description: 'Registrerede hærværkshændelser i perioden pr. 100 lejemål' },
  { name: 'standBygninger', type: 'number', unit: 'karakter 1–5', description: 'Bygningernes stand (1 god – 5 kritisk)' },
  { name: 'standFriarealer', type: 'number', unit: 'karakter 1–5', description: 'Friarealernes stand (1 god – 5 kritisk)' },
  { name: 'saarbareIsoleredePct', type: 'decimal', unit: 'pct. af lejemål', description: 'Husstande med sårbare beboere der lever isoleret, i pct. af lejemål' },
  { name: 'saarbareIsoleredeHusstande', type: 'number', unit: 'husstande', description: 'Antal husstande med sårbare beboere der lever isoleret' },
  { name: 'restancePct', type: 'decimal', unit: 'pct. af lejemål', description: 'Lejemål i restance i pct. af antal lejemål' },
  { name: 'udsaettelserPct', type: 'decimal', unit: 'pct. af lejemål', description: 'Udsættelser i perioden i pct. af antal lejemål' },
  { name: 'ungeUdenJobUddannelsePct', type: 'decimal', unit: 'pct. af de 18–29-årige', description: 'Andel af de 18–29-årige uden job og uddannelse' },
  {
    name: 'ungeUdenUngdomsuddannelsePct',
    type: 'decimal',
    unit: 'pct. af de 20–24-årige',
    description: 'Andel af de 20–24-årige der hverken har eller er i gang med en ungdomsuddannelse',
  },
  { name: 'eleverUnder02Pct', type: 'decimal', unit: 'pct. af 9.-klasseseleverne', description: 'Andel af 9.-klasseseleverne uden mindst 02 i dansk og matematik' },
  { name: 'ungeSigtedePct', type: 'decimal', unit: 'pct. af de 15–25-årige', description: 'Andel af de 15–25-årige sigtet for overtrædelse af straffeloven i perioden' },
];
