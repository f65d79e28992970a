// Preloaded into the CLI by bench/classify.ts (`node --import`): prints the process's peak
// resident set size in kB on stderr as it exits, as `/usr/bin/time -v` would.
process.on('exit', () => process.stderr.write(`\nmaxrss-kb ${process.resourceUsage().maxRSS}\n`));
