/** The official statuses of a boligområde; the closed list lives in `domain/boligomraade-status.ts`. */
export {
  BOLIGOMRAADE_STATUSSER,
  type BoligomraadeStatusId,
  INGEN_STATUS,
  isIngenStatus,
  normaliseStatus,
  resolveStatus,
  STATUS_NAVN,
  unknownStatusProblem,
} from '../domain/boligomraade-status.js';
