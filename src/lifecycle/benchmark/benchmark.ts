/**
 * Benchmarking across helhedsplaner and boligområder (strategy section 3): per fælles
 * mål and per strategy mål, every indsats's indicators with their exact progress,
 * trend and rank, and the portfolio's contribution — how many indsatser work on the
 * mål, how many are on track, which have stalled (input to stop parameter 2 and to the
 * decision on a successor helhedsplan).
 */
import { diagnostic, type Diagnostic } from '../../errors.js';
import type { Truth } from '../../engine/types.js';
import { deepFreeze } from '../../domain/freeze.js';
import { antal, formatSandhed } from '../../format/danish.js';
import type { RuleRegistry } from '../../rules/registry.js';
import { FAELLES_MAAL_NAVN, FAELLES_MAAL_NR, MAAL, MAAL_NR } from '../../domain/maal.js';
import { PORTFOLIO_FINDINGS, reviewIndsatserWith, type IndsatsReview } from '../review.js';
import type { Indsats, Maal } from '../schema.js';
import { TILSTAND_NAVN, type IndsatsTilstand } from '../state.js';
import { vurderIndikator, type IndikatorVurdering } from './indikator.js';
import { benchmarkParametre, benchmarkRuleSet, type BenchmarkParametre } from './parameters.js';
import { rankRows } from './rank.js';
import type { BenchmarkRaekke, BenchmarkResult, IkkeMed, IndsatsBenchmarkOversigt, MaalBenchmark, MaalBidrag, MaalType, RangGruppe } from './types.js';

/** Options of a benchmark. */
export interface BenchmarkOptions {
  readonly asOf: string;
  /** Include ended indsatser (their last measurements) as well as those in progress; default false. */
  readonly medAfsluttede?: boolean;
  /** The rules to use; default the package's shipped rules. */
  readonly rules?: RuleRegistry;
}

const AKTIVE: ReadonlySet<IndsatsTilstand> = new Set(['i-gang', 'under-afslutning']);

/** Three-valued "all": false if any is false, else null if any is unknown, else true; null for none. */
function allOf(values: readonly Truth[]): Truth {
  if (values.length === 0) return null;
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

/** Three-valued "any": true if any is true, else null if any is unknown, else false; null for none. */
function anyOf(values: readonly Truth[]): Truth {
  if (values.length === 0) return null;
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

/** Orders ids by code unit, so the result never depends on the input order. */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** One indsats's judged indicators, per mål. */
interface Judged {
  readonly review: IndsatsReview;
  readonly perMaal: readonly { readonly maal: Maal; readonly vurderinger: readonly IndikatorVurdering[] }[];
}

function judge(review: IndsatsReview, asOf: string, parametre: BenchmarkParametre): Judged {
  const { indsats, assessment } = review;
  const ctx = { asOf, startDato: assessment.deadlines.startDato, slutDato: assessment.deadlines.slutDato, parametre };
  return { review, perMaal: indsats.maal.map((maal) => ({ maal, vurderinger: maal.indikatorer.map((ind) => vurderIndikator(ind, ctx)) })) };
}

function bidragOf(j: Judged, maal: readonly Maal[], vurderinger: readonly IndikatorVurdering[]): MaalBidrag {
  const { indsats, assessment } = j.review;
  const paaRetteKurs = allOf(vurderinger.map((v) => v.paaRetteKurs));
  const gaaetIStaa = anyOf(vurderinger.map((v) => v.gaaetIStaa));
  const naaet = allOf(vurderinger.map((v) => v.naaet));
  const evidens = vurderinger.flatMap((v) => v.evidens);
  const indikatorer = antal(vurderinger.length, 'indikator', 'indikatorer');
  evidens.push(
    vurderinger.length === 0
      ? `${indsats.id}: ingen indikatorer på målet — på rette kurs og gået i stå er ukendt`
      : `${indsats.id}: på rette kurs ${formatSandhed(paaRetteKurs)}, gået i stå ${formatSandhed(gaaetIStaa)}, alle indikatorer nået ${formatSandhed(naaet)} (${indikatorer})`,
  );
  const stop2 = assessment.stop.find((s) => s.parameter === 'maal-naaet');
  return {
    indsatsId: indsats.id,
    navn: indsats.navn,
    kind: indsats.kind,
    tilstand: assessment.status.tilstand,
    afdelinger: [...indsats.afdelinger],
    maal: maal.map((m) => m.id),
    indikatorer: vurderinger.length,
    paaRetteKurs,
    gaaetIStaa,
    naaet,
    stopParameter2: stop2?.resultat ?? 'ukendt',
    anbefaling: assessment.anbefaling?.anbefaling ?? null,
    evidens,
  };
}

function maalBenchmark(type: MaalType, nr: number, navn: string, judged: readonly Judged[], tagged: (m: Maal) => boolean): MaalBenchmark {
  const bidrag: MaalBidrag[] = [];
  const byUnit = new Map<string, Omit<BenchmarkRaekke, 'rang'>[]>();
  for (const j of judged) {
    const serving = j.perMaal.filter((p) => tagged(p.maal));
    if (serving.length === 0) continue;
    bidrag.push(bidragOf(j, serving.map((p) => p.maal), serving.flatMap((p) => p.vurderinger)));
    const { indsats, assessment } = j.review;
    for (const p of serving) {
      for (const v of p.vurderinger) {
        const row = { ...v, indsatsId: indsats.id, indsatsNavn: indsats.navn, afdelinger: [...indsats.afdelinger], tilstand: assessment.status.tilstand, maalId: p.maal.id };
        const list = byUnit.get(v.enhed) ?? [];
        list.push(row);
        byUnit.set(v.enhed, list);
      }
    }
  }
  const grupper: RangGruppe[] = [...byUnit.keys()].sort().map((enhed) => ({ enhed, raekker: rankRows(byUnit.get(enhed) ?? []) }));
  return {
    type,
    nr,
    navn,
    antalIndsatser: bidrag.length,
    paaRetteKurs: {
      ja: bidrag.filter((b) => b.paaRetteKurs === true).length,
      nej: bidrag.filter((b) => b.paaRetteKurs === false).length,
      ukendt: bidrag.filter((b) => b.paaRetteKurs === null).length,
    },
    gaaetIStaa: bidrag.filter((b) => b.gaaetIStaa === true).map((b) => b.indsatsId),
    bidrag,
    grupper,
  };
}

const OPPOSITE = { op: 'ned', ned: 'op' } as const;

/** Warnings for indicators whose progress cannot be computed from their own figures (`perMaal` follows the indsats's `maal` order). */
function indicatorWarnings(judged: readonly Judged[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const j of judged) {
    j.perMaal.forEach((p, mi) => {
      p.vurderinger.forEach((v, ii) => {
        if (v.ukendt !== 'maal-lig-baseline' && v.ukendt !== 'retning-modstrider-maal') return;
        out.push(
          diagnostic({
            code: 'input-invalid',
            severity: 'warning',
            id: j.review.indsats.id,
            pointer: `/maal/${mi}/indikatorer/${ii}`,
            message:
              v.ukendt === 'maal-lig-baseline'
                ? `Indikatoren "${v.indikatorId}" har mål lig baseline (${v.baseline}); fremdriften kan ikke regnes og er ukendt`
                : `Indikatoren "${v.indikatorId}" har mål ${v.maal} på den forkerte side af baseline ${v.baseline} for retningen "${v.retning}"; fremdriften er ukendt`,
            hint: v.ukendt === 'maal-lig-baseline' ? 'Ret baseline eller målet.' : `Ret "retning" til "${OPPOSITE[v.retning]}", eller ret målet.`,
          }),
        );
      });
    });
  }
  return out;
}

function oversigt(j: Judged): IndsatsBenchmarkOversigt {
  const { indsats, assessment } = j.review;
  const stop2 = assessment.stop.find((s) => s.parameter === 'maal-naaet');
  const faelles = new Set(indsats.maal.flatMap((m) => m.faellesMaal ?? []));
  const strategi = new Set(indsats.maal.flatMap((m) => m.strategiMaal));
  return {
    id: indsats.id,
    navn: indsats.navn,
    kind: indsats.kind,
    tilstand: assessment.status.tilstand,
    afdelinger: [...indsats.afdelinger],
    faellesMaal: FAELLES_MAAL_NR.filter((n) => faelles.has(n)),
    strategiMaal: MAAL_NR.filter((n) => strategi.has(n)),
    metoder: assessment.metoder,
    stopParameter2: { resultat: stop2?.resultat ?? 'ukendt', evidens: stop2?.evidens ?? [] },
    anbefaling: assessment.anbefaling?.anbefaling ?? null,
  };
}

/**
 * {@link benchmarkIndsatser} under the rules given (the domain core: `options.rules` is
 * not read, and nothing is loaded from disk).
 * @throws {import('../../errors.js').BoligsocialError} `unknown-rule-set` or `no-rules-in-force` when the rules have no benchmark rule set for `asOf`.
 */
export function benchmarkIndsatserWith(rules: RuleRegistry, indsatser: readonly Indsats[], options: BenchmarkOptions): BenchmarkResult {
  const rs = benchmarkRuleSet(rules, options.asOf);
  const parametre = benchmarkParametre(rs);
  const medAfsluttede = options.medAfsluttede === true;
  const review = reviewIndsatserWith(rules, indsatser, { asOf: options.asOf });
  const included: IndsatsReview[] = [];
  const ikkeMed: IkkeMed[] = [];
  for (const r of review.indsatser) {
    const t = r.assessment.status.tilstand;
    if (AKTIVE.has(t) || (medAfsluttede && t === 'afsluttet' && r.assessment.status.startDato !== null)) included.push(r);
    else {
      let grund = `ikke startet (${TILSTAND_NAVN[t]})`;
      if (t === 'afsluttet') grund = r.assessment.status.opgivet ? 'opgivet før opstart' : 'afsluttet';
      ikkeMed.push({ indsatsId: r.indsats.id, navn: r.indsats.navn, tilstand: t, grund });
    }
  }
  const judged = included.map((r) => judge(r, options.asOf, parametre)).sort((a, b) => compareIds(a.review.indsats.id, b.review.indsats.id));
  const faellesMaal = FAELLES_MAAL_NR.map((nr) => maalBenchmark('faelles', nr, FAELLES_MAAL_NAVN[nr], judged, (m) => (m.faellesMaal ?? []).includes(nr)));
  const strategiMaal = MAAL_NR.map((nr) => maalBenchmark('strategi', nr, MAAL[nr].navn, judged, (m) => m.strategiMaal.includes(nr)));
  return deepFreeze({
    asOf: options.asOf,
    ruleSet: { id: rs.info.id, version: rs.info.version, ...(rs.info.file === undefined ? {} : { file: rs.info.file }) },
    parametre,
    medAfsluttede,
    faellesMaal,
    strategiMaal,
    indsatser: judged.map(oversigt),
    ikkeMed: ikkeMed.sort((a, b) => compareIds(a.indsatsId, b.indsatsId)),
    fejl: [...review.fejl.filter((d) => !PORTFOLIO_FINDINGS.has(d.code)), ...indicatorWarnings(judged)],
  });
}
