/**
 * The package as built (`dist/`), typed by its source: the bench times the code
 * services run. `npm run bench` builds first.
 */
const built = new URL('../dist/index.js', import.meta.url);

async function load(): Promise<typeof import('../src/index.js')> {
  try {
    return (await import(built.href)) as typeof import('../src/index.js');
  } catch (error) {
    throw new Error(`bench: cannot load the built package at ${built.pathname}; run \`npm run build\` first (\`npm run bench\` does)`, { cause: error });
  }
}

/** The built package's exports. */
export const lib = await load();
