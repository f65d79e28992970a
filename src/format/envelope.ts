/** The envelope's fields as the CLI's JSON output shows them: the same names and values as the API's. */
import type { Envelope } from '../engine/envelope.js';

/** The envelope's serialisable fields (everything but the explained evaluations, which `--explain` shows). */
export function envelopeJson(envelope: Envelope): Pick<Envelope, 'ruleSets' | 'asOf' | 'packageVersion' | 'outcomes' | 'mangler'> {
  return { ruleSets: envelope.ruleSets, asOf: envelope.asOf, packageVersion: envelope.packageVersion, outcomes: envelope.outcomes, mangler: envelope.mangler };
}
