/** `boligsocial schema`: prints (or writes) the rule-file JSON Schema. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ruleSetJsonSchemaText, scenarioJsonSchemaText } from '../../rules/json-schema.js';
import type { CliContext } from '../io.js';

/** Registers the `schema` command. */
export function registerSchemaCommand(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('udskriv regelfilernes (eller scenariefilernes) JSON Schema til editorens validering og autoudfyldning')
    .option('-o, --output <file>', 'skriv til filen i stedet for standard output, fx rules/rule-set.schema.json')
    .option('--scenario', 'scenariefilernes schema i stedet for regelfilernes (rules/scenario.schema.json)')
    .action((options: { output?: string; scenario?: boolean }) => {
      const text = options.scenario === true ? scenarioJsonSchemaText() : ruleSetJsonSchemaText();
      if (options.output === undefined) ctx.io.stdout(text);
      else {
        writeFileSync(ctx.resolvePath(options.output), text);
        ctx.io.stdout(`skrev ${options.output}\n`);
      }
    });
}
