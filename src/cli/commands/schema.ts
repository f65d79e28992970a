/** `boligsocial schema [kind]`: prints (or writes) a JSON Schema the package ships. */
import { Argument, type Command } from 'commander';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';
import { SCHEMA_KINDS, type SchemaKind } from '../schema-kinds.js';
import type { SchemaOptions } from '../actions/schema.js';

/** Registers the `schema` command; its implementation is loaded when it runs. */
export function registerSchemaCommand(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('udskriv et JSON Schema til editorens validering og autoudfyldning: regelfiler, scenariefiler, indsatsfiler, finansieringsplaner eller metodekataloger')
    .addArgument(new Argument('[art]', 'hvilket schema').choices(SCHEMA_KINDS).default('rule-set'))
    .option('-o, --output <fil>', 'skriv til filen i stedet for standard output, fx rules/rule-set.schema.json')
    .option('--all', 'skriv alle schemaer til deres filer under rules/')
    .addHelpText('after', examples('boligsocial schema scenario # scenariefilernes schema', 'boligsocial schema --all # skriv alle schemaer under rules/'))
    .action(async (kind: SchemaKind, options: SchemaOptions) => {
      const { runSchema } = await import('../actions/schema.js');
      runSchema(kind, options, ctx);
    });
}
