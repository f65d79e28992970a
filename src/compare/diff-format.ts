/** Danish text of a rule-set diff: one line per change, grouped as a reviewer reads the file. */
import { formatDato } from '../format/danish.js';
import type { DiffArea, RuleChange, RuleSetDiff } from './diff-rules.js';

const AREA_TITLE: Readonly<Record<DiffArea, string>> = {
  regelsaet: 'Regelsættet',
  ikrafttraeden: 'Ikrafttræden',
  parameter: 'Parametre',
  betingelse: 'Navngivne betingelser',
  regel: 'Regler',
  bemaerkning: 'Bemærkninger',
  finansiering: 'Finansiering',
};

const AREA_NOUN: Readonly<Record<DiffArea, string>> = {
  regelsaet: 'regelsæt',
  ikrafttraeden: 'ikrafttræden',
  parameter: 'parameter',
  betingelse: 'betingelse',
  regel: 'regel',
  bemaerkning: 'bemærkning',
  finansiering: 'finansieringskilde',
};

const FIELD_NAME: Readonly<Record<string, string>> = {
  value: 'værdi',
  unit: 'enhed',
  description: 'beskrivelse',
  source: 'kilde',
  status: 'status',
  title: 'titel',
  id: 'id',
  domain: 'domæne',
  'effective.from': 'i kraft fra',
  'effective.to': 'i kraft til og med',
  'event.type': 'hændelsestype',
  share: 'andel',
  navn: 'navn',
  lokal: 'lokal medfinansiering',
  afdelinger: 'fordeles på afdelinger',
  indsatsKinds: 'indsatstyper',
  maxDurationMonths: 'længste varighed i måneder',
};

function fieldName(felt: string): string {
  if (felt.startsWith('event.params.')) return `hændelsens ${felt.slice('event.params.'.length)}`;
  return FIELD_NAME[felt] ?? felt;
}

function shown(v: string | undefined): string {
  return v === undefined ? '(ingen)' : v;
}

/** One change as a Danish sentence, e.g. `parameter minAarIRaekke: status ubekræftet → bekræftet`. */
export function describeChange(c: RuleChange): string {
  const noun = AREA_NOUN[c.omraade];
  // a change at the root of a tree is located by the name alone
  const at = c.sti !== undefined && c.sti !== c.navn ? `, ${c.sti}` : '';
  switch (c.art) {
    case 'tilfoejet':
      if (c.sti !== undefined) return `${noun} ${c.navn}${at}: tilføjet ${shown(c.efter)}`;
      return c.omraade === 'bemaerkning' ? `ny bemærkning: ${shown(c.efter)}` : `ny ${noun} ${c.navn}: ${shown(c.efter)}`;
    case 'fjernet':
      if (c.sti !== undefined) return `${noun} ${c.navn}${at}: fjernet ${shown(c.foer)}`;
      return c.omraade === 'bemaerkning' ? `bemærkning fjernet: ${shown(c.foer)}` : `${noun} ${c.navn} fjernet (var: ${shown(c.foer)})`;
    case 'omdoebt':
      return `${noun} ${c.tidligereNavn ?? '?'} omdøbt til ${c.navn} ("${shown(c.foer)}" → "${shown(c.efter)}")`;
    case 'aendret':
      if (c.sti !== undefined) return `${noun} ${c.navn}${at}: ${shown(c.foer)} → ${shown(c.efter)}`;
      if (c.omraade === 'ikrafttraeden') return `${fieldName(c.felt ?? '')}: ${c.foer === undefined ? '(ingen)' : formatDato(c.foer)} → ${c.efter === undefined ? '(ingen)' : formatDato(c.efter)}`;
      return `${noun} ${c.navn}: ${fieldName(c.felt ?? '')} ${shown(c.foer)} → ${shown(c.efter)}`;
  }
}

/** The diff as Danish text: a heading, then the changes grouped by area. */
export function formatRuleSetDiff(diff: RuleSetDiff): string {
  const { a, b } = diff;
  const name = (i: RuleSetDiff['a']) => `${i.id} ${i.version}${i.file !== undefined ? ` (${i.file})` : ''}`;
  const lines = [`Ændringer fra ${name(a)} til ${name(b)}`];
  if (a.id !== b.id) lines.push(`Bemærk: to forskellige regelsæt (${a.id} og ${b.id}).`);
  if (diff.aendringer.length === 0) {
    lines.push('', 'Ingen ændringer i betydning.');
    return `${lines.join('\n')}\n`;
  }
  const symbol: Readonly<Record<RuleChange['art'], string>> = { tilfoejet: '+', fjernet: '−', aendret: '~', omdoebt: '→' };
  for (const area of Object.keys(AREA_TITLE) as DiffArea[]) {
    const changes = diff.aendringer.filter((c) => c.omraade === area);
    if (changes.length === 0) continue;
    lines.push('', `${AREA_TITLE[area]} (${changes.length}):`);
    for (const c of changes) lines.push(`  ${symbol[c.art]} ${describeChange(c)}`);
  }
  const count = (art: RuleChange['art']) => diff.aendringer.filter((c) => c.art === art).length;
  lines.push('', `I alt ${diff.aendringer.length} ændringer: ${count('tilfoejet')} tilføjet, ${count('fjernet')} fjernet, ${count('omdoebt')} omdøbt, ${count('aendret')} ændret.`);
  return `${lines.join('\n')}\n`;
}
