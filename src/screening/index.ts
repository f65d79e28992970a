/** Screening of afdelinger: the public surface of `src/screening/`. */
export { screenAfdeling, screenAfdelinger, decideAfdelinger } from './default-rules.js';
export { screenAfdelingWith, screenAfdelingerWith, validateAfdeling } from './screen.js';
export type { BatchScreening, BoligomraadeStatusMap, ScreenOptions } from './screen.js';
export { readAfdelingerCsv, ALLE_KOLONNER, KRAEVEDE_KOLONNER } from './csv.js';
export type { AfdelingerInput } from './csv.js';
export { periodFacts, share } from './facts.js';
export type { PeriodFacts, FactOptions } from './facts.js';
export { screeningMeta, ANBEFALING_KINDS, ANBEFALING_NAVN } from './rule-meta.js';
export type { AnbefalingKind, AnbefalingMeta, IndikatorMeta, ScreeningMeta } from './rule-meta.js';
export { MAAL, INDSATSOMRAADER, INDSATSOMRAADE_NAVN } from './maal.js';
export type { Maal, MaalNr, Indsatsomraade, IndsatsomraadeId } from './maal.js';
export { normaliseStatus, BOLIGOMRAADE_STATUSSER, STATUS_NAVN } from './status.js';
export { formatScreeningTable, formatScreeningCsv, formatScreeningExplanation } from './format.js';
export type { Aendringer, Anbefaling, Figur, IndikatorAendring, IndikatorResultat, Konklusion, ScreeningResult } from './types.js';
export { boligomraadeStatusMapSchema } from './status-map.js';
export { formatScreeningHtml } from './html.js';
export { plainScreeningResult } from './result.js';
