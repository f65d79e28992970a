// `node --import ./log-loads.mjs …`: writes "loaded <url>" on stderr for every module the program loads.
import { register } from 'node:module';

const hooks = 'export async function load(url, context, next) { process.stderr.write(`loaded ${url}\\n`); return next(url, context); }';
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
