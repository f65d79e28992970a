/** Shared test data for the screening tests. */
import type { AfdelingInput } from '../../src/domain/afdeling.js';

/** A quiet period: every figure known, every indicator well below its threshold. */
export function roligPeriode(periode: string, over: Record<string, unknown> = {}): AfdelingInput['perioder'][number] {
  return {
    periode,
    huslejeKrPrM2: '1000',
    huslejeReferenceKrPrM2: '1000',
    fraflytninger: 20, // 10 pct. of 200
    voksne18til64: 250,
    overfoerselsindkomst: 50, // 20 pct.
    kontanthjaelp: 10, // 4 pct.
    tryghedRespondenter: 50,
    tryghedUtrygge: 5, // 10 pct.
    voldHaendelser: 1, // 2.5 per 1000
    haervaerkHaendelser: 2, // 1 per 100
    standBygninger: 2,
    standFriarealer: 2,
    saarbareIsoleredeHusstande: 4, // 2 pct.
    restancer: 4, // 2 pct.
    udsaettelser: 0,
    unge18til29: 60,
    ungeUdenJobUddannelse: 3,
    unge20til24: 30,
    ungeUdenUngdomsuddannelse: 3,
    elever9klasse: 10,
    eleverUnder02: 1,
    unge15til25: 50,
    ungeSigtede: 0,
    ...over,
  } as AfdelingInput['perioder'][number];
}

/** A København fsb afdeling of 200 lejemål and 400 beboere with the given periods. */
export function afdeling(perioder: AfdelingInput['perioder'], over: Partial<AfdelingInput> = {}): AfdelingInput {
  return {
    id: 'T1',
    navn: 'Testgården',
    boligorganisation: 'fsb',
    kommune: 'København',
    lejemaal: 200,
    boligarealM2: '15000',
    beboere: 400,
    perioder,
    ...over,
  };
}
