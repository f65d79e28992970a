/**
 * `npm run demo`: every question on the shipped rules and the fixture data, each step under
 * a heading that names it and shows its command. It runs the CLI's `main` from the sources,
 * exactly as `boligsocial` runs it, so it needs no build. A step that reports findings
 * (exit code 1) is part of the show; the demo fails only if a step fails to run (exit code 2).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';

/** One step of the demo: its heading and the CLI's arguments. */
export interface DemoStep {
  readonly heading: string;
  readonly args: readonly string[];
}

/** The steps, in order. */
export const DEMO_STEPS: readonly DemoStep[] = [
  { heading: 'Kontrol af regelfilerne', args: ['validate'] },
  { heading: 'Scenarier og betingelsesdækning', args: ['test'] },
  { heading: 'Klassifikation af boligområder', args: ['classify', 'fixtures/boligomraader.csv'] },
  { heading: 'Screening af afdelinger', args: ['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01'] },
  { heading: 'Indsatsernes livsforløb', args: ['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01'] },
  { heading: 'Finansiering af en boligsocial helhedsplan', args: ['financing', 'fixtures/financing/helhedsplan-2024.json'] },
];

/** Runs every step in the current directory; returns the demo's exit code. */
async function runDemo(): Promise<number> {
  const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), cwd: process.cwd() };
  let worst = 0;
  for (const [i, step] of DEMO_STEPS.entries()) {
    io.stdout(`${i === 0 ? '' : '\n'}== ${step.heading} ==\n$ boligsocial ${step.args.join(' ')}\n\n`);
    const code = await main(step.args, io);
    if (code === 1) io.stdout('(afsluttede med kode 1: fund, se ovenfor)\n');
    worst = Math.max(worst, code);
  }
  return worst >= 2 ? worst : 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await runDemo();
