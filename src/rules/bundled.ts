/**
 * Where the rules shipped with the package lie: found relative to the installed
 * package, not the working directory. (Loading them needs the domains' declarations:
 * `bundledRegistry` in `src/shipped.ts`.)
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BoligsocialError, diagnostic } from '../errors.js';
import { readJsonFile } from './files.js';

/** The directory of the package's own `rules/`. */
export function bundledRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && isThisPackage(pkg)) return join(dir, 'rules');
    const parent = dirname(dir);
    if (parent === dir) {
      throw new BoligsocialError('file-read', 'cannot find the rules/ directory of @fsb/boligsocial', [
        diagnostic({ code: 'file-read', severity: 'error', message: 'pakkens egne regler (mappen rules/ i @fsb/boligsocial) kan ikke findes', hint: 'Installér pakken igen, eller angiv en regelmappe med --rules.' }),
      ]);
    }
    dir = parent;
  }
}

/** Whether a package.json is this package's (an unreadable or malformed one is not). */
function isThisPackage(pkg: string): boolean {
  const read = readJsonFile(pkg, pkg, { data: true });
  const value = read.ok ? read.value.value : undefined;
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'name') && (value as { name?: unknown }).name === '@fsb/boligsocial';
}
