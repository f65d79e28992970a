/**
 * fsb's four mål and the LBF indsatsområder (2015–18 pulje) that the strategy names,
 * as the screening results cite them. The constants live in `domain/maal.ts`, shared
 * with the lifecycle benchmark and the methods catalogue; they are re-exported here.
 */
import { INDSATSOMRAADER, INDSATSOMRAADE_NAVN, MAAL, type IndsatsomraadeId, type Maal } from '../domain/maal.js';

export { INDSATSOMRAADER, INDSATSOMRAADE_NAVN, MAAL, type IndsatsomraadeId, type Maal, type MaalNr } from '../domain/maal.js';

/** An indsatsområde with its Danish name. */
export interface Indsatsomraade {
  readonly id: IndsatsomraadeId;
  readonly navn: string;
}

/** Sorted, de-duplicated mål for a set of numbers. */
export function maalList(numbers: Iterable<number>): readonly Maal[] {
  const set = new Set<number>(numbers);
  return Object.freeze(([1, 2, 3, 4] as const).filter((n) => set.has(n)).map((n) => MAAL[n]));
}

/** Each indsatsområde once, frozen and shared by every list that names it. */
const INDSATSOMRAADE: Readonly<Record<IndsatsomraadeId, Indsatsomraade>> = Object.freeze(
  Object.fromEntries(INDSATSOMRAADER.map((id) => [id, Object.freeze({ id, navn: INDSATSOMRAADE_NAVN[id] })])) as Record<IndsatsomraadeId, Indsatsomraade>,
);

/** Indsatsområder in the strategy's order for a set of ids. */
export function indsatsomraadeList(ids: Iterable<string>): readonly Indsatsomraade[] {
  const set = new Set<string>(ids);
  return Object.freeze(INDSATSOMRAADER.filter((id) => set.has(id)).map((id) => INDSATSOMRAADE[id]));
}
