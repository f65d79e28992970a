/**
 * The package as built (`dist/`), typed by its source: the bench times the code
 * services run. `npm run bench` builds first.
 */
const built = new URL('../dist/index.js', import.meta.url).href;

/** The built package's exports. */
export const lib = (await import(built)) as typeof import('../src/index.js');
