/** The kinds of JSON Schema the package ships, in the order `boligsocial schema --help` lists them (their texts: `schemas.ts`). */
export const SCHEMA_KINDS = ['rule-set', 'scenario', 'indsats', 'financing-plan', 'metoder'] as const;

/** A kind of shipped JSON Schema. */
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
