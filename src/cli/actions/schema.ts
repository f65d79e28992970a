/** What `boligsocial schema` does: see `../commands/schema.ts` for its options and help. */
import { writeFileSync } from 'node:fs';
import type { CliContext } from '../io.js';
import type { SchemaKind } from '../schema-kinds.js';
import { JSON_SCHEMAS } from '../schemas.js';

/** The options of `schema`. */
export interface SchemaOptions {
  readonly output?: string;
  readonly all?: boolean;
}

/** Prints the schema of `kind`, or writes it (or, with `--all`, every schema) to its file. */
export function runSchema(kind: SchemaKind, options: SchemaOptions, ctx: CliContext): void {
  if (options.all === true) {
    for (const schema of Object.values(JSON_SCHEMAS)) {
      writeFileSync(ctx.resolvePath(schema.file), schema.text());
      ctx.io.stdout(`skrev ${schema.file}\n`);
    }
    return;
  }
  const text = JSON_SCHEMAS[kind].text();
  if (options.output === undefined) ctx.io.stdout(text);
  else {
    writeFileSync(ctx.resolvePath(options.output), text);
    ctx.io.stdout(`skrev ${options.output}\n`);
  }
}
