/** Checking an expected method check against the one an assessment gave (lifecycle and benchmark scenarios). */
import type { MetodeTjek } from '../lifecycle/metoder.js';
import { checkAndel } from './andel.js';
import type { Expectations } from './expect.js';
import type { MetoderExpected } from './schema.js';

const INTET_KATALOG = 'intet katalog';
const INTET_FORSLAG = 'intet forslag';

/** Checks the method check of one indsats; `rule` prefixes each key's path (e.g. `metoder.plan`). */
export function checkMetodeTjek(e: Expectations, rule: string, want: MetoderExpected | undefined, got: MetodeTjek): void {
  if (want === undefined) return;
  const katalog = got.katalog?.version ?? null;
  if (want.katalog !== undefined && want.katalog !== katalog) e.fail(`${rule}.katalog`, want.katalog ?? INTET_KATALOG, katalog ?? INTET_KATALOG);
  e.value(`${rule}.vurderetPr`, want.vurderetPr, got.vurderetPr);
  checkAndel(e, `${rule}.andelDokumenteret`, want.andelDokumenteret, got.andelDokumenteret);
  e.value(`${rule}.dokumenterede`, want.dokumenterede, got.dokumenterede);
  e.value(`${rule}.ialt`, want.ialt, got.ialt);
  e.value(`${rule}.advarer`, want.advarer, got.advarer);
  e.value(`${rule}.advarsler`, want.advarsler, got.advarsler.length);
  e.each(`${rule}.aktiviteter`, want.aktiviteter, (id) => got.aktiviteter.find((a) => a.aktivitetId === id), 'ingen sådan aktivitet', (key, expected, found) => {
    if (typeof expected === 'string') {
      e.value(key, expected, found.status);
      return;
    }
    e.value(`${key}.status`, expected.status, found.status);
    const forslag = found.forslag ?? null;
    if (expected.forslag !== undefined && expected.forslag !== forslag) e.fail(`${key}.forslag`, expected.forslag ?? INTET_FORSLAG, forslag ?? INTET_FORSLAG);
  });
}
