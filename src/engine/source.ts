/** Sources as results carry them: where a rule, parameter or threshold comes from. */
import type { SourceDefinition } from './definition.js';
import type { Source } from './types.js';

/** A source as written in a rule file, as the frozen {@link Source} results carry (absent: "ukendt kilde"). */
export function toSource(s: SourceDefinition | undefined): Source {
  if (s === undefined) return Object.freeze({ reference: 'ukendt kilde' });
  return Object.freeze({ reference: s.reference, ...(s.url !== undefined ? { url: s.url } : {}), ...(s.note !== undefined ? { note: s.note } : {}) });
}
