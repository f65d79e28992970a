/** The executable: wires `main` to the process. */
import { setFlagsFromString } from 'node:v8';
import { boundHeapGrowth } from './heap.js';
import { main } from './main.js';

boundHeapGrowth(process.execArgv, process.env.NODE_OPTIONS, setFlagsFromString);

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
