/**
 * Danish text of a what-if comparison: each changed row with its outcomes before and
 * after and the conditions that flipped (figures, thresholds, margins on both sides),
 * then rows per outcome before and after; and the changed outcomes as CSV rows.
 */
import { antal, formatDato, formatKroner, formatSandhed } from '../format/danish.js';
import { formatLeaf } from '../format/explanation.js';
import { renderCsv } from '../format/csv-output.js';
import type { ChangedRow, ConditionSide, Figure, FlippedCondition, OutcomeCount, OutcomeKind, OutcomeValue, WhatIfCommand, WhatIfComparison } from './types.js';

/** What one side of a comparison was, for the heading: the rules, parameters changed in memory, what was switched off. */
export interface SideDescription {
  /** The rules, e.g. "pakkens regler" or "reglerne i /tmp/mine". */
  readonly regler: string;
  readonly parametre?: readonly { readonly ruleSet: string; readonly version: string; readonly parameter: string; readonly foer: string; readonly efter: string }[];
  readonly slaaetFra?: readonly string[];
}

/** A value of an outcome in Danish: ja/nej/ukendt, kroner, a category's name; "–" when the row has no such outcome. */
export function formatOutcomeValue(kind: OutcomeKind, value: OutcomeValue | undefined, names?: Readonly<Record<string, string>>): string {
  if (value === undefined) return '–';
  if (kind === 'sandhed' || typeof value !== 'string') return formatSandhed(value as boolean | null);
  if (kind === 'beloeb') return formatKroner(value);
  return names !== undefined && Object.hasOwn(names, value) ? (names[value] as string) : value;
}

const ROW_NOUN: Readonly<Record<WhatIfCommand, string>> = {
  classify: 'Boligområde',
  forecast: 'Boligområde',
  screen: 'Afdeling',
  lifecycle: 'Indsats',
  financing: 'Række',
};

function onlyOneSide(r: ChangedRow): string {
  if (r.kunFoer === true) return ' (kun før)';
  return r.kunEfter === true ? ' (kun efter)' : '';
}

/** A changed row's heading: "Afdeling 121 Bøgelund", "Boligområde x, listen 1. december 2022 (kun før)". */
export function rowTitle(command: WhatIfCommand, r: ChangedRow): string {
  const only = onlyOneSide(r);
  const name = r.navn !== undefined && r.navn !== r.id ? ` ${r.navn}` : '';
  const list = r.listedato !== undefined && command === 'classify' ? `, listen ${formatDato(r.listedato)}` : '';
  return command === 'financing' ? `${r.navn ?? r.id}${only}` : `${ROW_NOUN[command]} ${r.id}${name}${list}${only}`;
}

/** One side of a comparison in words: the rules, parameters changed, what was switched off. */
export function describeSide(side: SideDescription): string {
  const parts = [side.regler];
  for (const p of side.parametre ?? []) parts.push(`${p.ruleSet} ${p.version} ${p.parameter}: ${p.foer} → ${p.efter}`);
  if (side.slaaetFra !== undefined && side.slaaetFra.length > 0) parts.push(`slået fra: ${side.slaaetFra.join(', ')}`);
  return parts.join('; ');
}

/** A figure behind a flipped condition in words (a comparison leaf, or "mindst k af n"); "–" when absent. */
export function figureLine(f: Figure | undefined): string {
  if (f === undefined) return '–';
  if (f.kind === 'fact') return formatLeaf(f);
  const unknown = f.unknown > 0 ? `, ${f.unknown} ukendt` : '';
  return `mindst ${f.required}${f.parameter !== undefined ? ` [${f.parameter}]` : ''} af ${f.total}: ${f.met} opfyldt${unknown} — ${formatSandhed(f.outcome)}`;
}

/** A flipped condition's state on one side: ja/nej/ukendt, "slået fra" or "findes ikke". */
export function sideState(s: ConditionSide | undefined): string {
  if (s === undefined) return 'findes ikke';
  return s.slaaetFra === true ? 'slået fra' : formatSandhed(s.outcome);
}

function conditionLines(c: FlippedCondition): string[] {
  const lines = [`    ${c.titel} [${c.name}]: ${sideState(c.foer)} → ${sideState(c.efter)}`];
  const before = c.foer?.figurer ?? [];
  const after = c.efter?.figurer ?? [];
  // the figures that moved; those that did not are the same on both sides and decide nothing here
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const x = figureLine(before[i]);
    const y = figureLine(after[i]);
    if (x === y) continue;
    lines.push(`      før:   ${x}`);
    lines.push(`      efter: ${y}`);
  }
  return lines;
}

function rowLines(command: WhatIfCommand, r: ChangedRow, names: ReadonlyMap<string, Readonly<Record<string, string>> | undefined>): string[] {
  const lines = [rowTitle(command, r)];
  for (const o of r.udfald) lines.push(`  ${o.titel}: ${formatOutcomeValue(o.kind, o.foer, names.get(o.udfald))} → ${formatOutcomeValue(o.kind, o.efter, names.get(o.udfald))}`);
  const groups = new Map<string, FlippedCondition[]>();
  for (const c of r.betingelser) {
    const key = c.label ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [label, list] of groups) {
    lines.push(`  Hvorfor${label !== '' ? ` (${label})` : ''}:`);
    for (const c of list) lines.push(...conditionLines(c));
  }
  if (r.regelaendringer !== undefined && r.regelaendringer.length > 0) {
    lines.push('  Hvorfor (ingen betingelse vendte; reglerne rækken bruger, er ændret):');
    for (const line of r.regelaendringer) lines.push(`    ${line}`);
  }
  return lines;
}

/** The Danish names of category values, per outcome. */
export function valueNames(c: WhatIfComparison): ReadonlyMap<string, Readonly<Record<string, string>> | undefined> {
  return new Map(c.udfald.map((d) => [d.key, d.vaerdinavne]));
}

/** One outcome's counts before → after, in words. */
export function countLine(c: OutcomeCount, names: Readonly<Record<string, string>> | undefined): string {
  if (c.sum !== undefined) return `${formatKroner(c.sum.foer)} → ${formatKroner(c.sum.efter)}`;
  return c.vaerdier.map((v) => `${formatOutcomeValue(c.kind, v.vaerdi, names)} ${v.foer} → ${v.efter}`).join(', ');
}

/** Whether an outcome's counts differ between the sides. */
export function changedCount(c: OutcomeCount): boolean {
  return c.sum !== undefined ? c.sum.foer !== c.sum.efter : c.vaerdier.some((v) => v.foer !== v.efter);
}

/**
 * The comparison as Danish text: a heading naming both sides, every changed row with
 * its outcomes and the flipped conditions, and the counts per outcome (changed ones marked).
 */
export function formatComparisonTable(c: WhatIfComparison, sides: { readonly foer: SideDescription; readonly efter: SideDescription }): string {
  const names = valueNames(c);
  const lines = [
    `Hvad sker der, hvis … (${c.kommando}: ${antal(c.raekker.foer, 'række', 'rækker')} før, ${c.raekker.efter} efter)`,
    `  Før:   ${describeSide(sides.foer)}`,
    `  Efter: ${describeSide(sides.efter)}`,
    '',
  ];
  if (c.aendrede.length === 0) lines.push('Ingen række får et andet udfald.');
  else {
    lines.push(`${antal(c.aendrede.length, 'række', 'rækker')} får et andet udfald:`);
    for (const r of c.aendrede) lines.push('', ...rowLines(c.kommando, r, names));
  }
  lines.push('', 'Optælling pr. udfald, før → efter (* = ændret):');
  for (const o of c.optaelling) lines.push(`${changedCount(o) ? '  * ' : '    '}${o.titel}: ${countLine(o, names.get(o.udfald))}`);
  return `${lines.join('\n')}\n`;
}

/** The changed outcomes as CSV, one line per row and outcome, with the flipped conditions' names. */
export function formatComparisonCsv(c: WhatIfComparison): string {
  const names = valueNames(c);
  const rows = c.aendrede.flatMap((r) =>
    r.udfald.map((o) => [
      r.id,
      r.listedato ?? '',
      r.navn ?? '',
      o.udfald,
      o.titel,
      formatOutcomeValue(o.kind, o.foer, names.get(o.udfald)),
      formatOutcomeValue(o.kind, o.efter, names.get(o.udfald)),
      r.betingelser.map((b) => `${b.name}: ${sideState(b.foer)} → ${sideState(b.efter)}`).join(' | '),
    ]),
  );
  return renderCsv(['id', 'listedato', 'navn', 'udfald', 'titel', 'foer', 'efter', 'vendte_betingelser'], rows);
}
