/** The README's "Hvad sker der, hvis …" section: every command shown runs, and prints what the README shows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const readme = readFileSync('README.md', 'utf8');
const section = readme.split('### Hvad sker der, hvis …')[1]?.split('\n## ')[0] ?? '';

/** The section's fenced blocks in order: `sh` blocks of commands, each followed by a plain block of output. */
const blocks = [...section.matchAll(/```(sh)?\n([\s\S]*?)```/g)].map((m) => ({ sh: m[1] === 'sh', text: m[2] ?? '' }));

/** Splits a command line into arguments (no quoting is needed in the README's commands). */
function argv(line: string): string[] {
  return line.trim().replace(/^npx boligsocial /, '').split(/\s+/);
}

describe('README: Hvad sker der, hvis …', () => {
  it('shows the three commands', () => {
    const commands = blocks.filter((b) => b.sh).flatMap((b) => b.text.trim().split('\n'));
    for (const c of ['compare', 'diff-rules', 'sensitivity']) expect(commands.some((l) => argv(l)[0] === c), c).toBe(true);
  });

  blocks.forEach((block, i) => {
    if (!block.sh) return;
    const lines = block.text.trim().split('\n');
    const shown = blocks[i + 1]?.sh === false ? (blocks[i + 1]?.text ?? '') : '';
    it(`runs ${lines.map((l) => argv(l).slice(0, 2).join(' ')).join(' and ')} and prints what it shows`, async () => {
      const outputs: string[] = [];
      for (const l of lines) {
        expect(l.startsWith('npx boligsocial '), l).toBe(true);
        const run = await runCli(argv(l));
        expect(run.code, `${l}\n${run.stderr}`).toBe(0);
        outputs.push(run.stdout);
      }
      for (const line of shown.split('\n').filter((x) => x.trim() !== '')) {
        expect(outputs.some((o) => o.includes(line.trimEnd())), line).toBe(true);
      }
    });
  });
});
