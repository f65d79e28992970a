/**
 * The options `compare` and `sensitivity` share on the command line: the rules of the
 * before side (`--before-rules`, else those in use) and the after side's changes
 * (`--after-rules`, `--after-set`, `--after-disable`); how they are read: `../actions/what-if.ts`.
 */
import type { Command } from 'commander';

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds `--before-rules` and the after side's options. */
export function addWhatIfOptions(command: Command): Command {
  return command
    .option('--before-rules <mappe>', 'før-siden bruger regelfilerne i denne mappe (standard: reglerne i brug)')
    .option('--after-rules <mappe>', 'efter-siden bruger regelfilerne i denne mappe, fx en redigeret kopi')
    .option('--after-set <regelsæt.parameter=værdi>', 'efter-siden med en ændret parameter, fx screening.maxFlyttefrekvensPct=12 (gælder alle versioner med parameteren; <regelsæt>@<version>.<parameter> for én; kan gentages)', collect, [] as string[])
    .option('--after-disable <navn>', 'efter-siden med en betingelse eller regel slået fra, fx ikke-vestlige (kan gentages)', collect, [] as string[]);
}
