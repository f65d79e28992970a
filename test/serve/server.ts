/** Starts the real `boligsocial serve` as a child process on 127.0.0.1 and a free port, and talks to it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';

/** A running service. */
export interface RunningServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** What it has written on stderr so far. */
  stderr(): string;
  /** Resolves when stderr has a line matching `pattern` (after `from` characters), or rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number, from?: number): Promise<void>;
  /** Sends SIGTERM and resolves to the exit code. */
  stop(): Promise<number | null>;
}

/**
 * `boligsocial [globalArgs] serve --port 0 [args]`, run from the sources through tsx in
 * one process (so signals reach the service itself), in `cwd`.
 */
export async function startServer(args: readonly string[], options: { readonly cwd?: string; readonly globalArgs?: readonly string[] } = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${process.cwd()}/src/cli/bin.ts`, ...(options.globalArgs ?? []), 'serve', '--port', '0', ...args], {
    cwd: options.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const waiters = new Set<() => void>();
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    for (const w of waiters) w();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, ms = 20_000, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(err.slice(from))) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${pattern} on stderr within ${ms} ms:\n${err}`));
      }, ms);
      waiters.add(check);
      check();
    });
  await waitFor(/lytter på http:\/\/127\.0\.0\.1:\d+/);
  const port = /lytter på http:\/\/127\.0\.0\.1:(\d+)/.exec(err)?.[1];
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stderr: () => err,
    waitFor,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** POSTs `body` as JSON; resolves to the status, the parsed body and the headers. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text), headers: res.headers };
}

/**
 * Sends only the headers of a POST whose Content-Length is `length` and resolves on the
 * answer: what the service says of a body that size before reading any of it (a 413).
 */
export function postHeadersOnly(url: string, length: number): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': length } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

/** A POST sent with `Expect: 100-continue`: its body goes only once the service has read its headers. */
export interface ContinuedPost {
  /** Resolves when the service has read the request's headers (its 100 Continue): the request is in flight. */
  readonly received: Promise<void>;
  /** Resolves to the status, the parsed body and the decision id of the answer. */
  readonly answer: Promise<{ status: number; json: any; decisionId: string | undefined }>;
}

/**
 * POSTs `body` as JSON on a connection of its own, sending the body after the service's
 * 100 Continue, so a test can know that the service has begun every request it sent.
 */
export function postAfterContinue(url: string, body: unknown): ContinuedPost {
  const text = JSON.stringify(body);
  let received!: () => void;
  const receivedPromise = new Promise<void>((resolve) => (received = resolve));
  const answer = new Promise<{ status: number; json: any; decisionId: string | undefined }>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), expect: '100-continue' } }, (res) => {
      let out = '';
      res.setEncoding('utf8').on('data', (c: string) => (out += c));
      res.on('end', () => {
        const id = res.headers['x-decision-id'];
        resolve({ status: res.statusCode ?? 0, json: out === '' ? undefined : JSON.parse(out), decisionId: typeof id === 'string' ? id : undefined });
      });
    });
    req.on('continue', () => {
      received();
      req.end(text);
    });
    req.on('error', reject);
    req.flushHeaders();
  });
  return { received: receivedPromise, answer };
}
