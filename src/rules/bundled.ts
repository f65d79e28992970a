/**
 * The rules shipped with the package, found relative to the installed package (not
 * the working directory) and loaded once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BoligsocialError } from '../errors.js';
import { loadRegistry, type RuleRegistry } from './registry.js';

let cached: RuleRegistry | undefined;

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

/**
 * The registry of the package's shipped rules, loaded and compiled on first use.
 * @throws BoligsocialError if a shipped rule file is invalid (a packaging error).
 */
export function bundledRegistry(): RuleRegistry {
  if (cached === undefined) {
    const result = loadRegistry(bundledRulesDir());
    if (!result.ok) throw new BoligsocialError(result.errors[0]?.code ?? 'schema', `the shipped rules do not load: ${result.errors.length} error(s)`, result.errors);
    cached = result.value;
  }
  return cached;
}
