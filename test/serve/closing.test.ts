/**
 * Stopping: a request the service has begun reading when close begins is answered, not
 * refused with a 503; its answer closes the connection, and close then completes.
 */
import { once } from 'node:events';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { bundledRulesDir } from '../../src/rules/index.js';
import { buildServer, createPolicy, loadPolicy } from '../../src/serve/index.js';
import { SHIPPED_DOMAINS } from '../../src/shipped.js';

describe('close with a request half read', () => {
  it('answers it (200, Connection: close) and then closes', async () => {
    const first = loadPolicy(bundledRulesDir(), SHIPPED_DOMAINS);
    if (!first.ok) throw new Error('the shipped rules do not load');
    const fastify = buildServer({ policy: createPolicy(bundledRulesDir(), SHIPPED_DOMAINS, first.value), report: () => undefined });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    const { port } = fastify.server.address() as AddressInfo;
    const body = JSON.stringify({ boligomraader: [{ id: 'x', listedato: '2022-12-01', beboere: 1200, andelUdenArbejdePct: '50' }] });
    const accepted = once(fastify.server, 'connection') as Promise<[Socket]>;
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let answer = '';
    socket.setEncoding('utf8').on('data', (c: string) => (answer += c));
    const ended = once(socket, 'end');
    const [served] = await accepted;
    // the first line only; wait until the service has read it: it has begun the request
    socket.write('POST /v1/classify HTTP/1.1\r\n');
    while (served.bytesRead === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const closed = fastify.close();
    socket.write(`Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await ended;
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('"id":"x"');
  });
});
