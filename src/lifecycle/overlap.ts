/**
 * Helhedsplaner that run at the same time on the same afdeling: LBF finances one
 * helhedsplan per area at a time, so a successor that starts (or is planned to start)
 * while its predecessor still runs is a warning naming both.
 */
import { diagnostic, type Diagnostic } from '../errors.js';
import { formatDato } from '../format/danish.js';
import type { IndsatsAssessment } from './assess.js';
import type { Indsats } from './schema.js';

/** One indsats with its assessment, as the portfolio review holds it. */
export interface AssessedIndsats {
  readonly indsats: Indsats;
  readonly assessment: IndsatsAssessment;
}

interface Period {
  readonly id: string;
  readonly start: string;
  readonly slut: string;
  readonly planlagt: boolean;
  readonly afdelinger: ReadonlySet<string>;
}

/** The days a helhedsplan occupies its afdelinger, first and last inclusive; undefined when it has no dated period or was given up before it started. */
function periodOf({ indsats, assessment }: AssessedIndsats): Period | undefined {
  if (indsats.kind !== 'helhedsplan' || assessment.status.opgivet) return undefined;
  const { startDato, slutDato, planlagt } = assessment.deadlines;
  if (startDato === null || slutDato === null) return undefined;
  return { id: indsats.id, start: startDato, slut: slutDato, planlagt, afdelinger: new Set(indsats.afdelinger) };
}

/**
 * Warnings for every pair of helhedsplaner whose periods (actual or planned) overlap
 * on at least one afdeling, each naming both plans, the shared afdelinger and the dates.
 * Pairs are found per afdeling, so the work grows with the plans that share one.
 */
export function concurrentHelhedsplaner(reviews: readonly AssessedIndsats[]): Diagnostic[] {
  const periods = reviews.map(periodOf).filter((p): p is Period => p !== undefined);
  const byAfdeling = new Map<string, Period[]>();
  for (const p of periods) {
    for (const afdeling of p.afdelinger) {
      const list = byAfdeling.get(afdeling);
      if (list === undefined) byAfdeling.set(afdeling, [p]);
      else list.push(p);
    }
  }
  const reported = new Set<string>();
  const out: Diagnostic[] = [];
  for (const list of byAfdeling.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [first, second] = ordered(list[i] as Period, list[j] as Period);
        const key = `${first.id}\u0000${second.id}`;
        if (reported.has(key) || second.start > first.slut) continue;
        reported.add(key);
        out.push(warning(first, second));
      }
    }
  }
  return out;
}

/** The pair with the earlier start first (ties by id, so the order is stable). */
function ordered(a: Period, b: Period): [Period, Period] {
  if (a.start !== b.start) return a.start < b.start ? [a, b] : [b, a];
  return a.id <= b.id ? [a, b] : [b, a];
}

function warning(first: Period, second: Period): Diagnostic {
  const shared = [...second.afdelinger].filter((a) => first.afdelinger.has(a)).sort();
  const start = `${second.planlagt ? 'planlagt start' : 'start'} ${formatDato(second.start)}`;
  const slut = `${first.planlagt ? 'planlagt slut' : 'slut'} ${formatDato(first.slut)}`;
  return diagnostic({
    code: 'concurrent-indsats',
    severity: 'warning',
    id: second.id,
    message: `Helhedsplanerne "${first.id}" og "${second.id}" løber samtidig på ${shared.length === 1 ? 'afdelingen' : 'afdelingerne'} ${shared.join(', ')}: "${second.id}" (${start}) begynder, før "${first.id}" slutter (${slut})`,
    hint: `LBF støtter én helhedsplan ad gangen i et område. Flyt starten på "${second.id}" til efter ${formatDato(first.slut)}, eller registrér afslutningen af "${first.id}".`,
  });
}
