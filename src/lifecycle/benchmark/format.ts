/**
 * Danish text and CSV of a benchmark: per fælles mål and per strategy mål, the
 * indsatser's indicators ranked by progress within each unit, the portfolio's
 * contribution, the indsatser that stalled, and the method check per indsats.
 */
import type { Truth } from '../../engine/types.js';
import { antal, formatDato, formatProcent, formatSandhed, formatTal } from '../../format/danish.js';
import { renderTable } from '../../format/table.js';
import { renderCsv } from '../../format/csv-output.js';
import { procentOf, type Andel } from '../andel.js';
import { ANBEFALING_NAVN, VURDERING_NAVN } from '../assess.js';
import { formatMetodeAndel } from '../metoder-format.js';
import { TILSTAND_NAVN } from '../state.js';
import { FREMDRIFT_UKENDT_NAVN, TENDENS_NAVN } from './indikator.js';
import type { BenchmarkRaekke, BenchmarkResult, MaalBenchmark } from './types.js';

const MAAL_OVERSKRIFT = { faelles: 'Fælles mål', strategi: 'Strategiens mål' } as const;

function fremdriftTekst(r: BenchmarkRaekke): string {
  if (r.fremdrift === null || r.fremdriftUcappet === null) return 'ukendt';
  const capped = formatProcent(procentOf(r.fremdrift));
  return r.fremdrift.taeller === r.fremdriftUcappet.taeller && r.fremdrift.naevner === r.fremdriftUcappet.naevner ? capped : `${capped} (${formatProcent(procentOf(r.fremdriftUcappet))})`;
}

function tendensTekst(r: BenchmarkRaekke): string {
  const serie = r.tendens.perioder.map((m) => formatTal(m.vaerdi)).join(' → ');
  return r.tendens.perioder.length === 0 ? 'ukendt' : `${TENDENS_NAVN[r.tendens.retning]}: ${serie}`;
}

function rowCells(r: BenchmarkRaekke): string[] {
  return [
    r.rang === null ? '–' : String(r.rang),
    r.indsatsId,
    r.navn,
    formatTal(r.baseline),
    r.seneste === null ? 'ingen' : `${formatTal(r.seneste.vaerdi)} (${r.seneste.periode})`,
    formatTal(r.maal),
    fremdriftTekst(r),
    tendensTekst(r),
    formatSandhed(r.paaRetteKurs),
    formatSandhed(r.gaaetIStaa),
  ];
}

const COLUMNS = [
  { header: 'Rang', right: true },
  { header: 'Indsats' },
  { header: 'Indikator' },
  { header: 'Baseline', right: true },
  { header: 'Seneste (periode)', right: true },
  { header: 'Mål', right: true },
  { header: 'Fremdrift', right: true },
  { header: 'Tendens' },
  { header: 'Rette kurs' },
  { header: 'I stå' },
] as const;

function maalSection(m: MaalBenchmark, b: BenchmarkResult): string[] {
  const lines = [`${MAAL_OVERSKRIFT[m.type]} ${m.nr}: ${m.navn}`];
  if (m.antalIndsatser === 0) return [...lines, '  Ingen indsatser arbejder på målet.', ''];
  const k = m.paaRetteKurs;
  lines.push(`  ${antal(m.antalIndsatser, 'indsats', 'indsatser')} arbejder på målet · på rette kurs: ${k.ja} · ikke på rette kurs: ${k.nej} · ukendt: ${k.ukendt}`);
  lines.push(`  Gået i stå i ${b.parametre.perioderIStaa} perioder: ${m.gaaetIStaa.length === 0 ? 'ingen' : m.gaaetIStaa.join(', ')}`);
  for (const g of m.grupper) {
    lines.push('', `  Enhed: ${g.enhed}`);
    const table = renderTable(COLUMNS, g.raekker.map(rowCells));
    for (const l of table.trimEnd().split('\n')) lines.push(`  ${l}`);
  }
  const noIndicators = m.bidrag.filter((x) => x.indikatorer === 0).map((x) => x.indsatsId);
  if (noIndicators.length > 0) lines.push('', `  Uden indikatorer på målet (ukendt): ${noIndicators.join(', ')}`);
  lines.push('');
  return lines;
}

function stalledSection(b: BenchmarkResult): string[] {
  const lines = [`Gået i stå — input til stopparameter 2 ("målene er nået") og til beslutningen om en ny helhedsplan`];
  const perIndsats = new Map<string, Map<string, BenchmarkRaekke>>();
  for (const m of [...b.faellesMaal, ...b.strategiMaal]) {
    for (const g of m.grupper) {
      for (const r of g.raekker) {
        if (r.gaaetIStaa !== true) continue;
        const rows = perIndsats.get(r.indsatsId) ?? new Map<string, BenchmarkRaekke>();
        rows.set(`${r.maalId}/${r.indikatorId}`, r);
        perIndsats.set(r.indsatsId, rows);
      }
    }
  }
  for (const i of b.indsatser) {
    const rows = perIndsats.get(i.id);
    if (rows === undefined) continue;
    lines.push(`  ${i.id} (${TILSTAND_NAVN[i.tilstand]}): stopparameter 2 ${VURDERING_NAVN[i.stopParameter2.resultat]}; anbefaling ${i.anbefaling === null ? '–' : ANBEFALING_NAVN[i.anbefaling]}`);
    for (const r of rows.values()) {
      const serie = r.tendens.perioder.map((m) => `${m.periode}: ${formatTal(m.vaerdi)}`).join(', ');
      lines.push(`      – ${r.navn} (${r.enhed}; baseline ${formatTal(r.baseline)}, mål ${formatTal(r.maal)}): ${serie} — fremdrift ${fremdriftTekst(r)}`);
    }
  }
  if (perIndsats.size === 0) lines.push('  Ingen indsatser er gået i stå.');
  lines.push('');
  return lines;
}

function metodeSection(b: BenchmarkResult): string[] {
  const rows = b.indsatser.map((i) => [
    i.id,
    formatMetodeAndel(i.metoder),
    i.metoder.advarer ? String(i.metoder.advarsler.length) : '–',
    i.metoder.katalog === null ? 'intet katalog' : `${i.metoder.katalog.version} (${i.metoder.katalog.status})`,
  ]);
  const lines = ['Dokumenterede metoder pr. indsats (advarsler kun for helhedsplaner; ikke et krav)'];
  const table = renderTable([{ header: 'Indsats' }, { header: 'Aktiviteter' }, { header: 'Advarsler', right: true }, { header: 'Metodekatalog' }], rows);
  for (const l of table.trimEnd().split('\n')) lines.push(`  ${l}`);
  for (const i of b.indsatser) for (const w of i.metoder.advarsler) lines.push(`  ${i.id}: ${w}`);
  lines.push('');
  return lines;
}

/** The benchmark as Danish text: one ranked table per mål and unit, then stalled indsatser, the method check and a legend. */
export function formatBenchmarkTable(b: BenchmarkResult): string {
  const lines = [
    `Benchmark af boligsociale indsatser pr. ${formatDato(b.asOf)} — regler: ${b.ruleSet.id} ${b.ruleSet.version}`,
    `${b.indsatser.length} indsatser ${b.medAfsluttede ? 'i gang, under afslutning eller afsluttet' : 'i gang eller under afslutning'}; ikke med: ${b.ikkeMed.length === 0 ? 'ingen' : b.ikkeMed.map((x) => `${x.indsatsId} (${x.grund})`).join(', ')}`,
    '',
  ];
  for (const m of b.faellesMaal) lines.push(...maalSection(m, b));
  for (const m of b.strategiMaal) lines.push(...maalSection(m, b));
  lines.push(...stalledSection(b), ...metodeSection(b));
  const andel = b.parametre.andelAfForventetFremdrift;
  lines.push(
    'Fremdrift = (seneste − baseline) / (mål − baseline) i indikatorens retning: 0 % ved baseline, 100 % ved målet, negativ når indikatoren er gået den forkerte vej.',
    'En måling ud over målet tæller som nået (100 %); tallet i parentes er fremdriften før afskæring. Uden måling er fremdriften ukendt, aldrig 0.',
    'Rang: kun blandt indikatorer med samme mål og samme enhed; samme fremdrift giver samme rang. Tendens: de seneste ' + `${b.parametre.tendensPerioder} målinger.`,
    `Rette kurs: målet er nået, eller fremdriften er mindst ${andel === '1' ? 'den forventede' : `${formatTal(andel)} × den forventede`} ved jævn udvikling fra opstart til slutdato. I stå: ikke forbedret i de seneste ${b.parametre.perioderIStaa} perioder og ikke nået.`,
    'Tærsklerne er fsb\'s eget valg og skal bekræftes (rules/benchmark). Biblioteket beslutter intet: en person vurderer stopparametrene.',
  );
  return lines.join('\n') + '\n';
}

const csvTruth = (t: Truth) => formatSandhed(t);
const csvAndel = (a: Andel | null) => (a === null ? '' : formatTal(a.decimal));

/** The benchmark as CSV: one row per mål, unit and indicator, exact fractions beside the decimals. */
export function formatBenchmarkCsv(b: BenchmarkResult): string {
  const headers = [
    'maaltype', 'maalnr', 'maal', 'enhed', 'rang', 'indsats', 'tilstand', 'indsatsmaal', 'indikator', 'indikatornavn', 'retning',
    'baseline', 'seneste', 'seneste_periode', 'seneste_dato', 'maalvaerdi', 'fremdrift', 'fremdrift_ucappet', 'ucappet_taeller', 'ucappet_naevner',
    'ucappet_eksakt', 'ukendt_grund', 'naaet', 'tendens', 'tendens_aendring', 'forventet_fremdrift', 'paa_rette_kurs', 'gaaet_i_staa',
  ];
  const rows: string[][] = [];
  for (const m of [...b.faellesMaal, ...b.strategiMaal]) {
    for (const g of m.grupper) {
      for (const r of g.raekker) {
        rows.push([
          m.type, String(m.nr), m.navn, g.enhed, r.rang === null ? '' : String(r.rang), r.indsatsId, r.tilstand, r.maalId, r.indikatorId, r.navn, r.retning,
          formatTal(r.baseline), r.seneste === null ? '' : formatTal(r.seneste.vaerdi), r.seneste?.periode ?? '', r.seneste?.dato ?? '', formatTal(r.maal),
          csvAndel(r.fremdrift), csvAndel(r.fremdriftUcappet), r.fremdriftUcappet?.taeller ?? '', r.fremdriftUcappet?.naevner ?? '',
          r.fremdriftUcappet === null ? '' : formatSandhed(r.fremdriftUcappet.eksakt), r.ukendt === null ? '' : FREMDRIFT_UKENDT_NAVN[r.ukendt],
          csvTruth(r.naaet), TENDENS_NAVN[r.tendens.retning], r.tendens.aendring === null ? '' : formatTal(r.tendens.aendring), csvAndel(r.forventetFremdrift),
          csvTruth(r.paaRetteKurs), csvTruth(r.gaaetIStaa),
        ]);
      }
    }
  }
  return renderCsv(headers, rows);
}
