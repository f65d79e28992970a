/** Danish text of a method check, for `lifecycle --explain` and the benchmark. */
import { formatDato, formatProcent } from '../format/danish.js';
import { procentOf } from './andel.js';
import { METODE_STATUS_NAVN, type MetodeTjek } from './metoder.js';

/** The method check's headline: "2 af 3 aktiviteter (66,7 %) bygger på en dokumenteret metode". */
export function formatMetodeAndel(t: MetodeTjek): string {
  if (t.ialt === 0) return 'ingen aktiviteter angivet';
  const andel = t.andelDokumenteret === null ? 'ukendt andel' : formatProcent(procentOf(t.andelDokumenteret));
  return `${t.dokumenterede} af ${t.ialt} aktiviteter (${andel}) bygger på en dokumenteret metode`;
}

/** The method check as indented lines: the headline, each activity, the warnings. */
export function formatMetodeTjek(t: MetodeTjek, indent = '  '): string[] {
  const katalog = t.katalog === null ? `intet metodekatalog i kraft pr. ${formatDato(t.vurderetPr)}` : `metodekataloget ${t.katalog.version} (${t.katalog.status})`;
  const label = t.advarer ? '(advarsel) ' : '';
  const out = [`${indent}${label}Dokumenterede metoder: ${formatMetodeAndel(t)} — ${katalog}`];
  for (const a of t.aktiviteter) {
    const named = a.metode === null ? '' : ` "${a.metode}"`;
    const what = a.status === 'dokumenteret' ? `${a.metodeNavn ?? ''} (${a.metode ?? ''})` : `${METODE_STATUS_NAVN[a.status]}${named}`;
    out.push(`${indent}    – ${a.navn}: ${what}`);
  }
  for (const w of t.advarsler) out.push(`${indent}    ! ${w}`);
  if (t.advarsler.length > 0) out.push(`${indent}    Angiv "metode" på aktiviteten med et id fra metodekataloget (rules/metoder/), når den bygger på en dokumenteret metode.`);
  if (t.advarer) out.push(`${indent}    Kilde: fsb's Boligsocial Strategi (juni 2017), afsnit 3: "først og fremmest aktiviteter dokumenteret af Center for Boligsocial Udvikling" — en advarsel, ikke et krav`);
  return out;
}
