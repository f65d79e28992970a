import { describe, expect, it } from 'vitest';
import type { Indsats, IndsatsEvent } from '../../src/lifecycle/schema.js';
import { fixtureIndsatser, lifecycleRegistry, makeIndsats, startedHelhedsplan } from './helpers.js';
import { assessIndsats } from '../../src/lifecycle/index.js';

const rules = lifecycleRegistry();
const fixtures = new Map(fixtureIndsatser().map((i) => [i.id, i]));
const fixture = (id: string): Indsats => {
  const i = fixtures.get(id);
  if (!i) throw new Error(id);
  return i;
};
const asOf = '2025-06-01';
const stopOf = (i: Indsats, date = asOf) => Object.fromEntries(assessIndsats(i, { asOf: date, rules }).stop.map((s) => [s.parameter, s.resultat]));

describe('start parameters', () => {
  it('lists what is still missing for a helhedsplan under forberedelse', () => {
    const a = assessIndsats(fixture('amager-hp-2026'), { asOf, rules });
    const r = Object.fromEntries(a.start.map((s) => [s.condition, s.resultat]));
    expect(r).toEqual({
      'screening-anbefaler-typen': 'opfyldt',
      'ja-fra-alle-afdelinger': 'ikke-opfyldt',
      'lokal-medfinansiering': 'ukendt',
      praekvalifikation: 'ikke-opfyldt',
      'ekstern-finansiering': 'ukendt',
      samarbejdsaftaler: 'ikke-opfyldt',
      'varighed-inden-for-maksimum': 'opfyldt',
    });
    expect(a.kanStarte).toBe('ikke-opfyldt');
    expect(a.startVurderetPr).toBe(asOf);
    expect(a.start.find((s) => s.condition === 'ja-fra-alle-afdelinger')?.evidens).toContain('Lergravsparken: intet afdelingsmøde pr. 1. juni 2025');
  });

  it('treats a missing samarbejdsaftale as a warning that does not block the start', () => {
    const a = assessIndsats(fixture('vigerslev-lup-2025'), { asOf, rules });
    const s = a.start.find((x) => x.condition === 'samarbejdsaftaler');
    expect(s?.alvor).toBe('advarsel');
    expect(s?.resultat).toBe('ikke-opfyldt');
    expect(a.kanStarte).toBe('opfyldt');
  });

  it('assesses a started indsats as of its start date', () => {
    const a = assessIndsats(fixture('nordvest-hp-2022'), { asOf, rules });
    expect(a.startVurderetPr).toBe('2022-01-01');
    expect(a.kanStarte).toBe('opfyldt');
  });

  it('blocks a helhedsplan whose screening recommends another kind and whose prækvalifikation was refused', () => {
    const a = assessIndsats(fixture('noerrebro-hp-2025'), { asOf, rules });
    const r = Object.fromEntries(a.start.map((s) => [s.condition, s.resultat]));
    expect(r['screening-anbefaler-typen']).toBe('ikke-opfyldt');
    expect(r['praekvalifikation']).toBe('ikke-opfyldt');
    expect(r['varighed-inden-for-maksimum']).toBe('ikke-opfyldt');
  });
});

describe('stop parameters on the fixtures', () => {
  it('need and goals: sydhavn has two periods without flags and every indicator stably at target', () => {
    expect(stopOf(fixture('sydhavn-ejf-2021'))).toMatchObject({ 'behov-ophoert': 'opfyldt', 'maal-naaet': 'opfyldt', 'aktiviteter-forankret': 'ikke-opfyldt' });
  });

  it('forankring: valby had all relevant activities forankret (the irrelevant one not counted)', () => {
    const a = assessIndsats(fixture('valby-ejf-2019'), { asOf: '2023-06-30', rules });
    const s = a.stop.find((x) => x.parameter === 'aktiviteter-forankret');
    expect(s?.resultat).toBe('opfyldt');
    expect(a.facts.facts.andelAktiviteterForankret).toBe('1');
    expect(s?.evidens.join('\n')).toContain('3 af 3 relevante aktiviteter forankret');
  });

  it('support: sundby lost the support of one afdeling', () => {
    expect(stopOf(fixture('sundby-lup-2020'), '2022-05-01')['ingen-opbakning']).toBe('opfyldt');
    expect(stopOf(fixture('sundby-lup-2020'), '2022-04-19')['ingen-opbakning']).toBe('ikke-opfyldt');
  });

  it('financing: bispebjerg lost its external financing and the cost was too high', () => {
    expect(stopOf(fixture('bispebjerg-hp-2019'), '2022-10-01')['finansiering-ophoert']).toBe('opfyldt');
    expect(stopOf(fixture('bispebjerg-hp-2019'), '2022-09-30')['finansiering-ophoert']).toBe('ukendt');
  });

  it('goals are unknown while an indicator has too few measurements', () => {
    const a = assessIndsats(fixture('bronshoej-lup-2024'), { asOf, rules });
    expect(a.stop.find((s) => s.parameter === 'maal-naaet')?.resultat).toBe('ukendt');
  });
});

describe('recommendation', () => {
  it.each([
    ['sydhavn-ejf-2021', 'afslut'],
    ['tingbjerg-hp-2021', 'forbered-ny-helhedsplan'],
    ['nordvest-hp-2022', 'forbered-ny-helhedsplan'],
    ['oesterbro-lup-2022', 'forbered-afslutning'],
    ['utterslev-ejf-2023', 'fortsaet'],
    ['kongens-enghave-hp-2021', 'afslut'],
  ])('%s → %s', (id, expected) => {
    expect(assessIndsats(fixture(id), { asOf, rules }).anbefaling?.anbefaling).toBe(expected);
  });

  it('makes none before the start or after the end', () => {
    expect(assessIndsats(fixture('husum-hp-2025'), { asOf, rules }).anbefaling).toBeNull();
    expect(assessIndsats(fixture('ryparken-hp-2018'), { asOf, rules }).anbefaling).toBeNull();
  });

  it('says when an unknown could change it', () => {
    const a = assessIndsats(fixture('bronshoej-lup-2024'), { asOf, rules });
    expect(a.anbefaling?.anbefaling).toBe('fortsaet');
    expect(a.anbefaling?.usikker).toContain('anbefal-afslut');
  });

  it('recommends ending once the period has run out without extension', () => {
    const lup = makeIndsats(
      [
        { type: 'screening', date: '2020-01-10', afdeling: 'A', periode: '2019', flag: ['utryghed'], anbefaling: 'lokalt-udviklingsprojekt' },
        { type: 'bevilling', date: '2020-10-01', varighedMaaneder: 24 },
        { type: 'start', date: '2021-01-01' },
      ],
      { kind: 'lokalt-udviklingsprojekt', afdelinger: ['A'] },
    );
    const withFlagsGone: IndsatsEvent[] = [
      ...startedHelhedsplan(),
      { type: 'screening', date: '2024-01-01', afdeling: 'A', periode: '2023', flag: [], anbefaling: 'ingen' },
      { type: 'screening', date: '2024-01-01', afdeling: 'B', periode: '2023', flag: [], anbefaling: 'ingen' },
      { type: 'screening', date: '2025-01-01', afdeling: 'A', periode: '2024', flag: [], anbefaling: 'ingen' },
      { type: 'screening', date: '2025-01-01', afdeling: 'B', periode: '2024', flag: [], anbefaling: 'ingen' },
    ];
    expect(assessIndsats(makeIndsats(withFlagsGone), { asOf: '2025-02-01', rules }).anbefaling?.anbefaling).toBe('afslut');
    const expired = assessIndsats(lup, { asOf: '2023-01-01', rules }).anbefaling;
    expect(expired?.anbefaling).toBe('afslut');
    expect(expired?.begrundelse).toContain('Perioden er udløbet uden forlængelse');
    expect(assessIndsats(lup, { asOf: '2022-12-31', rules }).anbefaling?.anbefaling).toBe('fortsaet');
    // A helhedsplan past its end whose need persists gets a successor recommended instead.
    expect(assessIndsats(makeIndsats(startedHelhedsplan()), { asOf: '2025-02-01', rules }).anbefaling?.anbefaling).toBe('forbered-ny-helhedsplan');
  });

  it('returns deeply frozen results', () => {
    const a = assessIndsats(fixture('tingbjerg-hp-2021'), { asOf, rules });
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.stop[0])).toBe(true);
    expect(Object.isFrozen(a.facts.facts)).toBe(true);
  });
});
