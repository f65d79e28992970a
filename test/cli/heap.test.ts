import { describe, expect, it } from 'vitest';
import { boundHeapGrowth, HEAP_GROWTH_FLAG } from '../../src/cli/heap.js';

/** What boundHeapGrowth asked V8 for, given node's flags and NODE_OPTIONS. */
function flagsSet(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const set: string[] = [];
  boundHeapGrowth(execArgv, nodeOptions, (f) => set.push(f));
  return set;
}

describe('the CLI bounds its heap growth unless the user chose the heap', () => {
  it('sets the growth flag by default', () => {
    expect(flagsSet([], undefined)).toEqual([HEAP_GROWTH_FLAG]);
    expect(flagsSet(['--enable-source-maps'], '--no-warnings')).toEqual([HEAP_GROWTH_FLAG]);
  });

  it.each([
    ['--max-old-space-size=4096', undefined],
    ['--max_old_space_size=4096', undefined],
    ['--heap-growing-percent=200', undefined],
    ['--optimize-for-size', undefined],
    ['--max-heap-size=2000', undefined],
  ])('leaves the heap alone when node runs with %s', (flag, options) => {
    expect(flagsSet([flag], options)).toEqual([]);
  });

  it('leaves the heap alone when NODE_OPTIONS chooses it', () => {
    expect(flagsSet([], '--max-old-space-size=8192 --no-warnings')).toEqual([]);
    expect(flagsSet([], '--heap_growing_percent=20')).toEqual([]);
  });

  it('the flag is one V8 knows: node starts with it', async () => {
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync(process.execPath, [HEAP_GROWTH_FLAG, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' })).toBe('ok');
  });
});
