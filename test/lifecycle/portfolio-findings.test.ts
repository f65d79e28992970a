/**
 * What the portfolio review reports beyond each indsats's own assessment (issue 11,
 * item 9): a start requirement broken by an indsats that started anyway, and two
 * helhedsplaner running at once on the same afdeling.
 */
import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../../src/shipped.js';
import type { Indsats, IndsatsEvent } from '../../src/lifecycle/schema.js';
import { fixtureIndsatser } from './helpers.js';
import { reviewIndsatser } from '../../src/lifecycle/index.js';

const rules = bundledRegistry();
const fixtures = fixtureIndsatser();
const byId = (id: string): Indsats => {
  const found = fixtures.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no fixture ${id}`);
  return found;
};

/** The indsats with its bevilling granting `months` (a scheme of LBF allows at most 48). */
function granted(indsats: Indsats, months: number, id: string): Indsats {
  const events = indsats.events.map((e): IndsatsEvent => (e.type === 'bevilling' ? { ...e, varighedMaaneder: months } : e));
  return { ...indsats, id, planlagtVarighedMaaneder: months, events };
}

/** The indsats with every event moved by `years` and the log cut at `before`. */
function shifted(indsats: Indsats, years: number, id: string, before: string): Indsats {
  const move = (date: string) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  const events = indsats.events
    .map((e): IndsatsEvent => (e.type === 'screening' ? { ...e, date: move(e.date), periode: String(Number(e.periode) + years) } : { ...e, date: move(e.date) }))
    .filter((e) => e.date < before);
  return { ...indsats, id, forgaenger: indsats.id, events };
}

describe('a start requirement broken by an indsats that started', () => {
  it('is listed on the assessment and is an error while the indsats runs', () => {
    const long = granted(byId('nordvest-hp-2022'), 72, 'nordvest-72');
    const review = reviewIndsatser([long], { asOf: '2025-06-01', rules });
    const a = review.indsatser[0]?.assessment;
    expect(a?.status.tilstand).toBe('i-gang');
    expect(a?.startkravBrudt).toEqual(['start-varighed-inden-for-maksimum']);
    expect(review.fejl).toHaveLength(1);
    expect(review.fejl[0]).toMatchObject({ code: 'start-requirement', severity: 'error', id: 'nordvest-72' });
    expect(review.fejl[0]?.message).toContain('72 måneder');
  });

  it('is a warning, not an error, once the indsats has ended', () => {
    const long = granted(byId('ryparken-hp-2018'), 72, 'ryparken-72');
    const review = reviewIndsatser([long], { asOf: '2025-06-01', rules });
    expect(review.indsatser[0]?.assessment.status.tilstand).toBe('afsluttet');
    expect(review.fejl.map((d) => [d.code, d.severity])).toEqual([['start-requirement', 'warning']]);
  });

  it('is empty within the maximum and before the start', () => {
    const review = reviewIndsatser(fixtures, { asOf: '2025-06-01', rules });
    expect(review.indsatser.flatMap((r) => r.assessment.startkravBrudt)).toEqual([]);
    const preparing = review.indsatser.find((r) => r.indsats.id === 'noerrebro-hp-2025')?.assessment;
    expect(preparing?.kanStarte).toBe('ikke-opfyldt');
    expect(preparing?.startkravBrudt).toEqual([]);
  });
});

describe('helhedsplaner running at once on the same afdeling', () => {
  const first = byId('nordvest-hp-2022');

  it('warns once, naming both plans and the afdelinger they share', () => {
    const second = shifted(first, 2, 'nordvest-hp-2024', '2024-02-01');
    const review = reviewIndsatser([second, first], { asOf: '2025-06-01', rules });
    const warnings = review.fejl.filter((d) => d.code === 'concurrent-indsats');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', id: 'nordvest-hp-2024' });
    expect(warnings[0]?.message).toContain('"nordvest-hp-2022" og "nordvest-hp-2024"');
    expect(warnings[0]?.message).toContain('Bispeparken, Lundtoftegade');
  });

  it('is silent when the successor starts the day after the predecessor ends', () => {
    const review = reviewIndsatser([byId('tingbjerg-hp-2017'), byId('tingbjerg-hp-2021')], { asOf: '2025-06-01', rules });
    expect(review.fejl.filter((d) => d.code === 'concurrent-indsats')).toEqual([]);
  });

  it('is silent for plans on other afdelinger and for indsatser that are not helhedsplaner', () => {
    const elsewhere = { ...shifted(first, 2, 'andet-omraade', '2024-02-01'), afdelinger: ['Et andet sted'] };
    const lup: Indsats = { ...shifted(first, 2, 'nordvest-lup', '2024-02-01'), kind: 'lokalt-udviklingsprojekt' };
    const review = reviewIndsatser([first, elsewhere, lup], { asOf: '2025-06-01', rules });
    expect(review.fejl.filter((d) => d.code === 'concurrent-indsats')).toEqual([]);
  });
});
