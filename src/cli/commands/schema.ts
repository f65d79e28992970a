/** `boligsocial schema [kind]`: prints (or writes) a JSON Schema the package ships. */
import { writeFileSync } from 'node:fs';
import { Argument, type Command } from 'commander';
import { JSON_SCHEMAS } from '../schemas.js';
import { examples } from '../commander-danish.js';
import type { CliContext } from '../io.js';

/** Registers the `schema` command. */
export function registerSchemaCommand(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('udskriv et JSON Schema til editorens validering og autoudfyldning: regelfiler, scenariefiler, indsatsfiler, finansieringsplaner eller metodekataloger')
    .addArgument(new Argument('[art]', 'hvilket schema').choices(Object.keys(JSON_SCHEMAS)).default('rule-set'))
    .option('-o, --output <fil>', 'skriv til filen i stedet for standard output, fx rules/rule-set.schema.json')
    .option('--all', 'skriv alle schemaer til deres filer under rules/')
    .addHelpText('after', examples('boligsocial schema scenario # scenariefilernes schema', 'boligsocial schema --all # skriv alle schemaer under rules/'))
    .action((kind: keyof typeof JSON_SCHEMAS, options: { output?: string; all?: boolean }) => {
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
    });
}
