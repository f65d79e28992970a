/**
 * Classification results for people and programs: a Danish table, JSON and CSV rows
 * (the CLI's formats), and the full reasoning for one area.
 */
import { formatDiagnostic, type Diagnostic } from '../errors.js';
import { formatDato, formatSandhed } from '../format/danish.js';
import { formatExplanation } from '../format/explanation.js';
import { chunked } from '../format/chunked.js';
import { type Column, writeTable } from '../format/table.js';
import { renderCsvLine } from '../format/csv-output.js';
import type { Truth } from '../engine/types.js';
import { INFRASTRUKTUR_RULE_SET } from './classify.js';
import { type HistorikAarStatus, type Kategori, KATEGORIER, type KategoriResultat, type Klassifikation } from './types.js';
import { envelopeJson } from '../format/envelope.js';

/** A row of output: a classification, or a bad input row with its reasons. */
export type UdfaldRaekke =
  | { readonly ok: true; readonly klassifikation: Klassifikation }
  | { readonly ok: false; readonly row: number; readonly id?: string; readonly listedato?: string; readonly errors: readonly Diagnostic[] };

/** The short column heading of each category. */
export const KATEGORI_OVERSKRIFT: Readonly<Record<Kategori, string>> = Object.freeze({
  udsat: 'Udsat',
  parallelsamfund: 'Ghetto/parallelsamfund',
  omdannelse: 'Hård/omdannelse',
  forebyggelse: 'Forebyggelse',
});

function cell(k: Klassifikation, kategori: Kategori): string {
  const r = k.kategorier[kategori];
  return r === undefined ? '–' : formatSandhed(r.outcome);
}

/** The rule versions a classification used: "2021-11-30", "2018-12-01 + infra 2015-12-01". */
export function regler(k: Klassifikation): string {
  const main = k.ruleSets[0];
  const infra = k.ruleSets.find((r) => r.id === INFRASTRUKTUR_RULE_SET);
  return `${main?.version ?? '?'}${infra !== undefined ? ` + infra ${infra.version}` : ''}`;
}

/** What the table of results writes, given one row at a time: see {@link formatKlassifikationTable}. */
export interface UdfaldSink {
  add(r: UdfaldRaekke): void;
  /** Writes what is left (the table itself, for the table: its column widths need every row). */
  end(): void;
}

/**
 * The table of results, one row at a time: each row is kept only as its cells (a
 * hundred characters, not the classification), and the table is written at the end,
 * when every column's width is known.
 */
export function klassifikationTableSink(write: (text: string) => void): UdfaldSink {
  const body: string[][] = [];
  const bad: string[] = [];
  const missing: string[] = [];
  return {
    add(r) {
      if (!r.ok) {
        body.push([r.id ?? '?', '', r.listedato ?? '', `FEJL, se række ${r.row}`, ...KATEGORIER.map(() => ''), '']);
        for (const d of r.errors) bad.push(`  ${formatDiagnostic(d)}`);
        return;
      }
      const k = r.klassifikation;
      body.push([k.id, k.navn ?? '', k.listedato, regler(k), ...KATEGORIER.map((c) => cell(k, c)), formatSandhed(k.afhaengerAfIkkeVestlig)]);
      if (k.mangler.length > 0) missing.push(`  ${k.id} ${k.listedato}: ${k.mangler.join(', ')}`);
    },
    end() {
      const columns: Column[] = [
        { header: 'Id' },
        { header: 'Navn', wrap: true },
        { header: 'Liste' },
        { header: 'Regler', wrap: true },
        ...KATEGORIER.map((k) => ({ header: KATEGORI_OVERSKRIFT[k] })),
        { header: 'Afhænger af ikke-vestlig' },
      ];
      // written through `chunked` line by line: 100,000 rows never become one string
      const out = chunked(write);
      writeTable(columns, body, (line) => out.write(line));
      let text = 'ja/nej/ukendt pr. kategori; – = kategorien findes ikke i lovversionen. Før 2021: ghettoområde og hårdt ghettoområde; 2015–2017: udsat = infrastrukturlisten.\n';
      if (missing.length > 0) text += `\nMangler tal (et udfald, der afhænger af dem, er ukendt; --explain <id> viser hele begrundelsen):\n${missing.join('\n')}\n`;
      if (bad.length > 0) text += `\nRækker med fejl (ikke klassificeret):\n${bad.join('\n')}\n`;
      out.write(text);
      out.flush();
    },
  };
}

/** Every row through `sink`, and what it writes as one string. */
function collect(rows: readonly UdfaldRaekke[], sinkOf: (write: (text: string) => void) => UdfaldSink): string {
  const parts: string[] = [];
  const sink = sinkOf((text) => parts.push(text));
  for (const r of rows) sink.add(r);
  sink.end();
  return parts.join('');
}

/**
 * The results as an aligned Danish table; "–" = the version has no such category. Under it,
 * the figures each list is missing (too long a list for a column of a 160-column table) and
 * the bad rows.
 */
export function formatKlassifikationTable(rows: readonly UdfaldRaekke[]): string {
  return collect(rows, klassifikationTableSink);
}

/** The JSON object of one output row (see the CLI's `--format json`). */
export function klassifikationJson(r: UdfaldRaekke): Record<string, unknown> {
  if (!r.ok) {
    return {
      raekke: r.row,
      ...(r.id !== undefined ? { id: r.id } : {}),
      ...(r.listedato !== undefined ? { listedato: r.listedato } : {}),
      fejl: r.errors.map((d) => ({ ...(d.field !== undefined ? { kolonne: d.field } : {}), kode: d.code, besked: d.message, ...(d.hint !== undefined ? { tip: d.hint } : {}) })),
    };
  }
  const k = r.klassifikation;
  const main = k.ruleSets[0];
  const infra = k.ruleSets.find((rs) => rs.id === INFRASTRUKTUR_RULE_SET);
  const out: Record<string, unknown> = {
    id: k.id,
    ...(k.navn !== undefined ? { navn: k.navn } : {}),
    ...(k.kommune !== undefined ? { kommune: k.kommune } : {}),
    listedato: k.listedato,
    regelsaet: { id: main?.id, dato: main?.version },
    ...(infra !== undefined ? { regelsaetInfrastruktur: { id: infra.id, dato: infra.version } } : {}),
  };
  const navne: Record<string, string> = {};
  for (const kategori of KATEGORIER) {
    const res = k.kategorier[kategori];
    if (res === undefined) continue;
    out[kategori] = res.outcome;
    navne[kategori] = res.navn;
  }
  out.kategorinavne = navne;
  out.afhaengerAfIkkeVestligeKriterium = k.afhaengerAfIkkeVestlig;
  out.afhaengerPrKategori = Object.fromEntries(Object.values(k.kategorier).map((res) => [res.kategori, res.afhaengerAfIkkeVestlig]));
  out.mangler = k.mangler;
  if (k.historik !== undefined) out.historik = { listerITraek: k.historik.aarIRaekke, kraevet: k.historik.minAarIRaekke, aar: k.historik.aar.map((a) => ({ aar: a.aar, status: a.status, kilde: a.kilde })) };
  if (k.afvigelser.length > 0) {
    out.afvigelser = k.afvigelser.map((a) => ({ aar: a.aar, ...(a.listedato !== undefined ? { listedato: a.listedato } : {}), offentliggjort: a.offentliggjort, beregnet: a.beregnet }));
  }
  if (k.disabled.length > 0) out.slaaetFra = k.disabled;
  return { ...out, ...envelopeJson(k) };
}

/**
 * The results as a JSON array written one object at a time, byte for byte what
 * `JSON.stringify(rows.map(klassifikationJson), null, 2)` gives, with a final newline.
 */
export function klassifikationJsonSink(write: (text: string) => void): UdfaldSink {
  let first = true;
  return {
    add(r) {
      write(`${first ? '[\n  ' : ',\n  '}${JSON.stringify(klassifikationJson(r), null, 2).replace(/\n/g, '\n  ')}`);
      first = false;
    },
    end() {
      write(first ? '[]\n' : '\n]\n');
    },
  };
}

/** The results as a JSON array, one object per input row. */
export function formatKlassifikationJson(rows: readonly UdfaldRaekke[]): string {
  return collect(rows, klassifikationJsonSink);
}

function csvTruth(t: Truth | undefined): string {
  return t === undefined ? '' : t === null ? 'ukendt' : t ? 'ja' : 'nej';
}

const CSV_HEADERS = ['id', 'navn', 'listedato', 'regelsaet', ...KATEGORIER, 'afhaenger_af_ikke_vestlige_kriterium', 'mangler', 'fejl'];

/** The results as CSV written one line at a time (see {@link formatKlassifikationCsv}). */
export function klassifikationCsvSink(write: (text: string) => void): UdfaldSink {
  write(renderCsvLine(CSV_HEADERS));
  return {
    add(r) {
      if (!r.ok) {
        write(renderCsvLine([r.id ?? '', '', r.listedato ?? '', '', ...KATEGORIER.map(() => ''), '', '', r.errors.map((d) => `række ${r.row}${d.field !== undefined ? ` kolonne ${d.field}` : ''}: ${d.message}`).join('; ')]));
        return;
      }
      const k = r.klassifikation;
      write(renderCsvLine([k.id, k.navn ?? '', k.listedato, regler(k), ...KATEGORIER.map((c) => csvTruth(k.kategorier[c]?.outcome)), formatSandhed(k.afhaengerAfIkkeVestlig), k.mangler.join(' '), '']));
    },
    end() {},
  };
}

/** The results as CSV (comma-separated); blank category = not defined in the version. */
export function formatKlassifikationCsv(rows: readonly UdfaldRaekke[]): string {
  return collect(rows, klassifikationCsvSink);
}

/** The notes beside a category's outcome: "afhænger af ikke-vestlig-kriteriet", "udelukket, …", "efter den offentliggjorte liste". */
export function kategoriNoter(r: KategoriResultat): string[] {
  const notes: string[] = [];
  if (r.afhaengerAfIkkeVestlig) notes.push('afhænger af ikke-vestlig-kriteriet');
  if (r.udelukketSomUdsat) notes.push('udelukket, fordi området er (eller kan være) udsat');
  if (r.fraOffentliggjortListe) notes.push('efter den offentliggjorte liste');
  return notes;
}

/** Where an earlier list's status came from, in Danish: "offentliggjort", "beregnet efter reglerne fra 2018-12-01", "mangler". */
export function historikKilde(a: HistorikAarStatus): string {
  return a.kilde === 'offentliggjort' ? `offentliggjort${a.beregnet !== undefined ? ` (beregnet: ${formatSandhed(a.beregnet)})` : ''}` : a.kilde === 'beregnet' ? `beregnet efter reglerne fra ${a.ruleSet?.version ?? '?'}` : 'mangler';
}

/** The full reasoning for one classification, in Danish. */
export function formatKlassifikationForklaring(k: Klassifikation): string {
  const lines: string[] = [];
  lines.push(`Boligområde ${k.id}${k.navn !== undefined ? ` ${k.navn}` : ''}${k.kommune !== undefined ? ` (${k.kommune})` : ''} — listen ${formatDato(k.listedato)}`);
  lines.push('Resultat:');
  for (const kategori of KATEGORIER) {
    const r = k.kategorier[kategori];
    if (r === undefined) continue;
    const notes = kategoriNoter(r);
    lines.push(`  ${r.navn}: ${formatSandhed(r.outcome)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`);
  }
  lines.push(`Afhænger af ikke-vestlig-kriteriet: ${formatSandhed(k.afhaengerAfIkkeVestlig)}`);
  if (k.disabled.length > 0) lines.push(`Slået fra: ${k.disabled.join(', ')} (tæller som ikke opfyldt)`);
  if (k.historik !== undefined) {
    const h = k.historik;
    const omd = k.kategorier.omdannelse;
    lines.push(`Historik (${omd?.navn ?? 'omdannelse'}: på listen mindst ${h.minAarIRaekke} år i træk, den aktuelle medregnet):`);
    if (h.offentliggjortTilsidesat) lines.push('  Offentliggjorte statusser er tilsidesat, fordi kriterier er slået fra; årene er genberegnet ud fra tallene.');
    for (const a of h.aar) lines.push(`  ${a.aar}${a.listedato !== undefined ? ` (${formatDato(a.listedato)})` : ''}: ${formatSandhed(a.status)} — ${historikKilde(a)}`);
    lines.push(`  Lister i træk, den aktuelle medregnet: ${h.aarIRaekke === null ? 'ukendt (et ukendt år kan afgøre det)' : h.aarIRaekke}`);
  }
  if (k.afvigelser.length > 0) {
    lines.push('Afvigelser mellem offentliggjort og beregnet status (den offentliggjorte bruges):');
    for (const a of k.afvigelser) {
      const regler = a.ruleSet !== undefined ? ` (reglerne fra ${a.ruleSet.version})` : '';
      lines.push(`  ${a.aar}${a.listedato !== undefined ? ` (${formatDato(a.listedato)})` : ''}: offentliggjort: ${formatSandhed(a.offentliggjort)}, beregnet: ${formatSandhed(a.beregnet)}${regler}`);
    }
  }
  if (k.mangler.length > 0) lines.push(`Mangler: ${k.mangler.join(', ')}`);
  lines.push('');
  for (const evaluation of k.evaluations) lines.push(formatExplanation(evaluation));
  return lines.join('\n');
}
