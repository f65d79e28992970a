/**
 * Where the rules shipped with the package lie: found relative to the installed
 * package, not the working directory. (Loading them needs the domains' declarations:
 * `bundledRegistry` in `src/shipped.ts`.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BoligsocialError } from '../errors.js';

/** The directory of the package's own `rules/`. */
export function bundledRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === '@fsb/boligsocial') return join(dir, 'rules');
    const parent = dirname(dir);
    if (parent === dir) throw new BoligsocialError('file-read', 'cannot find the rules/ directory of @fsb/boligsocial');
    dir = parent;
  }
}
