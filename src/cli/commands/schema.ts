/** `boligsocial schema`: prints (or writes) the rule-file JSON Schema. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ruleSetJsonSchemaText } from '../../rules/json-schema.js';
import type { CliContext } from '../io.js';

/** Registers the `schema` command. */
export function registerSchemaCommand(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('udskriv regelfilernes JSON Schema (til editorens validering og autoudfyldning)')
    .option('-o, --output <file>', 'skriv til filen i stedet for standard output, fx rules/rule-set.schema.json')
    .action((options: { output?: string }) => {
      const text = ruleSetJsonSchemaText();
      if (options.output === undefined) ctx.io.stdout(text);
      else {
        writeFileSync(ctx.resolvePath(options.output), text);
        ctx.io.stdout(`skrev ${options.output}\n`);
      }
    });
}
