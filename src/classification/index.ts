/** Statutory classification of boligområder: the public surface of `src/classification/`. */
export { classifyBoligomraade, classifyBoligomraader, classifyEach, forecastBoligomraade, forecastBoligomraader } from './default-rules.js';
export { classifyBoligomraadeWith, checkDisable, dependsOnIkkeVestlig, historikStatus, parseBoligomraade, ruleSetsFor, CLASSIFICATION_RULE_SET, INFRASTRUKTUR_RULE_SET } from './classify.js';
export type { ClassifyOptions, ParsedBoligomraade } from './classify.js';
export { classifyBoligomraaderWith, classifyEachWith, historikFraRaekker } from './batch.js';
export type { BatchOptions } from './batch.js';
export { forecastBoligomraadeWith, forecastBoligomraaderWith, afdelingPrognoseSchema, sumAfdelinger } from './forecast.js';
export type { AfdelingPrognoseInput, ForecastBatchOptions, ForecastOptions, Prognose } from './forecast.js';
export { marginsOf } from './margins.js';
export type { Margin, Optaelling } from './margins.js';
export { foldHistorik, historikAfvigelser, historikPrAar, offentliggjortStatus } from './history.js';
export type { HistorikFold } from './history.js';
export { boligomraadeInputSchema, listeRaekkeSchema, historikRaekkeSchema, andelSchema, indkomstSchema } from './input.js';
export type { BoligomraadeInput, BoligomraadeData, HistorikAar, ListeRaekke, ListeRaekkeInput } from './input.js';
export { classificationFactsOf } from './facts.js';
export { kategoriRegler, ikkeVestligeBetingelser, expandDisable } from './rule-meta.js';
export { columnOf, readBoligomraaderCsv, KOLONNER } from './csv.js';
export { readPrognoseCsv, PROGNOSE_KOLONNER } from './forecast-csv.js';
export {
  formatKlassifikationTable,
  formatKlassifikationJson,
  formatKlassifikationCsv,
  formatKlassifikationForklaring,
  klassifikationCsvSink,
  klassifikationJson,
  klassifikationJsonSink,
  klassifikationTableSink,
} from './format.js';
export type { UdfaldRaekke, UdfaldSink } from './format.js';
export { KATEGORIER, IKKE_VESTLIGE } from './types.js';
export type { Afvigelse, BatchRaekke, HistorikAarStatus, HistorikKilde, HistorikResultat, Kategori, KategoriResultat, Klassifikation } from './types.js';
export { formatKlassifikationHtml, formatPrognoseHtml } from './html.js';
