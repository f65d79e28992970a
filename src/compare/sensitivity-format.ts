/** Danish text of a sensitivity sweep: the counts per value, and the watch-list of rows nearest to flipping. */
import { formatDato, formatKroner } from '../format/danish.js';
import { formatDecimal } from '../format/explanation.js';
import { renderTable } from '../format/table.js';
import { formatOutcomeValue } from './format.js';
import type { Flip, Sensitivity, SensitivityRow } from './sensitivity.js';
import type { OutcomeDefinition, OutcomeValue } from './types.js';

/** A parameter value with its unit, shortened where it is a percentage: `47,5 %`. */
export function formatParameterValue(value: string, unit: string): string {
  if (/^pct\.?(\s|$)/.test(unit)) return `${formatDecimal(value)} %`;
  return `${formatDecimal(value)} ${unit}`;
}

/** Where a flip lies, in words: "når grænsen hæves til 47,5 % eller derover". */
export function describeFlip(f: Flip, unit: string): string {
  const v = formatParameterValue(f.ved, unit);
  if (!f.eksakt) {
    const from = formatParameterValue(f.fra ?? f.ved, unit);
    return f.retning === 'op' ? `når værdien hæves fra ${from} til ${v}` : `når værdien sænkes fra ${from} til ${v}`;
  }
  if (f.retning === 'op') return f.inklusive ? `når værdien hæves til ${v} eller derover` : `når værdien hæves over ${v}`;
  return f.inklusive ? `når værdien sænkes til ${v} eller derunder` : `når værdien sænkes under ${v}`;
}

/** A row of the watch-list: "121 Bøgelund", "x, listen 1. december 2022". */
export function rowLabel(r: SensitivityRow): string {
  const name = r.navn !== undefined && r.navn !== r.id ? ` ${r.navn}` : '';
  return `${r.id}${name}${r.listedato !== undefined ? `, listen ${formatDato(r.listedato)}` : ''}`;
}

/** The outcomes a flip changes, in words: "Utryghed nej → ja". */
export function changes(f: Flip, names: ReadonlyMap<string, OutcomeDefinition>): string {
  return f.udfald.map((o) => `${o.titel} ${formatOutcomeValue(o.kind, o.foer, names.get(o.udfald)?.vaerdinavne)} → ${formatOutcomeValue(o.kind, o.efter, names.get(o.udfald)?.vaerdinavne)}`).join('; ');
}

/** One series of the counts over the sweep: an outcome value's row counts, or an amount's sums. */
export interface SweepSeries {
  readonly header: string;
  readonly kind: 'antal' | 'sum';
  /** Per value of the sweep: the count (as a decimal string) or the sum in kroner. */
  readonly values: readonly string[];
}

/** The series that change over the range: each outcome value whose count changes, each amount whose sum does. */
export function varyingSeries(s: Sensitivity): SweepSeries[] {
  const names = new Map(s.udfald.map((d) => [d.key, d]));
  const series: SweepSeries[] = [];
  for (const d of s.udfald) {
    const at = (i: number) => s.optaelling[i]?.optaelling.find((c) => c.udfald === d.key);
    if (d.kind === 'beloeb') {
      const sums = s.optaelling.map((_, i) => at(i)?.sum ?? '0');
      if (new Set(sums).size > 1) series.push({ header: d.titel, kind: 'sum', values: sums });
      continue;
    }
    const values: OutcomeValue[] = [];
    for (const c of s.optaelling) for (const v of c.optaelling.find((x) => x.udfald === d.key)?.vaerdier ?? []) if (!values.includes(v.vaerdi)) values.push(v.vaerdi);
    for (const value of values) {
      // for a truth, "ja" and "ukendt" say it all: "nej" is the rest
      if (d.kind === 'sandhed' && value === false) continue;
      const counts = s.optaelling.map((_, i) => at(i)?.vaerdier.find((v) => v.vaerdi === value)?.antal ?? 0);
      if (new Set(counts).size <= 1) continue;
      const shown = d.kind === 'sandhed' && value === true ? d.titel : `${d.titel}: ${formatOutcomeValue(d.kind, value, names.get(d.key)?.vaerdinavne)}`;
      series.push({ header: shown, kind: 'antal', values: counts.map(String) });
    }
  }
  return series;
}

/** The columns of the counts table: each outcome value whose count changes over the range. */
function varyingColumns(s: Sensitivity): { header: string; cell: (i: number) => string }[] {
  return varyingSeries(s).map((c) => ({ header: c.header, cell: (i: number) => (c.kind === 'sum' ? formatKroner(c.values[i] ?? '0') : (c.values[i] ?? '0')) }));
}

/** The sweep as Danish text: heading, counts per value (the outcomes that change), then the watch-list. */
export function formatSensitivity(s: Sensitivity, options: { readonly maxRows?: number } = {}): string {
  const p = s.parameter;
  const names = new Map(s.udfald.map((d) => [d.key, d]));
  const first = s.vaerdier[0] ?? '';
  const last = s.vaerdier[s.vaerdier.length - 1] ?? '';
  const today = p.versioner.map((v) => `${formatParameterValue(v.idag, p.unit)} (${v.version})`).join(', ');
  const lines = [
    `Følsomhed: ${p.ruleSet}${p.version !== undefined ? `@${p.version}` : ''}.${p.parameter} (${p.unit}) fra ${formatParameterValue(first, p.unit)} til ${formatParameterValue(last, p.unit)}, ${s.vaerdier.length} værdier (${s.kommando}, ${s.raekkerIAlt} rækker)`,
    `I dag: ${today}`,
    s.metode === 'eksakt'
      ? 'Vendepunkterne er eksakte: parameteren sammenlignes direkte med rækkernes tal, så de følger af afstanden til grænsen.'
      : 'Vendepunkterne er fundet trin for trin: parameteren bruges ikke kun som grænse for et tal.',
    '',
  ];
  const columns = varyingColumns(s);
  if (columns.length === 0) lines.push('Ingen optælling ændrer sig i intervallet.');
  else {
    lines.push('Rækker pr. udfald for hver værdi (kun de udfald, der ændrer sig):');
    lines.push(
      renderTable(
        [{ header: 'Værdi', right: true }, ...columns.map((c) => ({ header: c.header, right: true }))],
        s.vaerdier.map((v, i) => [formatDecimal(v), ...columns.map((c) => c.cell(i))]),
      ).trimEnd(),
    );
  }
  lines.push('');
  if (s.raekker.length === 0) lines.push(`Ingen af de ${s.raekkerIAlt} rækker vender i intervallet.`);
  else {
    const max = options.maxRows ?? s.raekker.length;
    lines.push(`Nærmest at vende (${s.raekker.length} af ${s.raekkerIAlt} rækker vender i intervallet):`);
    for (const r of s.raekker.slice(0, max)) {
      const [nearest, ...rest] = r.vendinger;
      if (nearest === undefined) continue;
      lines.push(`  ${rowLabel(r)} (i dag ${formatParameterValue(r.idag, p.unit)}${r.trinvis === true ? '; trinvis' : ''}): ${describeFlip(nearest, p.unit)} — ${changes(nearest, names)}`);
      for (const f of rest) lines.push(`      og ${describeFlip(f, p.unit)} — ${changes(f, names)}`);
    }
    if (s.raekker.length > max) lines.push(`  … og ${s.raekker.length - max} rækker mere (se --format json)`);
  }
  return `${lines.join('\n')}\n`;
}
