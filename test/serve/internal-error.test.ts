/** The last-resort handler: an unforeseen error is a 500 with a Danish message; its details go to the operator only. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledRulesDir, type RuleRegistry } from '../../src/rules/index.js';
import { buildServer, createPolicy, loadPolicy } from '../../src/serve/index.js';
import { SHIPPED_DOMAINS } from '../../src/shipped.js';

describe('a 500 is data too', () => {
  it('answers in Danish without a stack trace, and reports the details', async () => {
    const first = loadPolicy(bundledRulesDir(), SHIPPED_DOMAINS);
    if (!first.ok) throw new Error('the shipped rules do not load');
    // a registry that fails as no library code would: a programmer's error deep inside
    const broken: RuleRegistry = { ...first.value.registry, inForce: () => { throw new TypeError('registry exploded at line 42'); } };
    const policy = createPolicy(bundledRulesDir(), SHIPPED_DOMAINS, { ...first.value, registry: broken });
    let reported = '';
    const fastify = buildServer({ policy, report: (text) => (reported += text) });
    try {
      const res = await fastify.inject({ method: 'POST', url: '/v1/screen', payload: readFileSync('fixtures/serve/screen.json', 'utf8'), headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(500);
      const body = res.json() as { errors: { code: string; message: string }[] };
      expect(body.errors[0]?.code).toBe('internal');
      expect(body.errors[0]?.message).toMatch(/uventet fejl i tjenesten/);
      expect(res.body).not.toContain('exploded');
      expect(res.body).not.toMatch(/\.ts:\d+/);
      expect(reported).toContain('registry exploded at line 42');
      expect(reported).toMatch(/POST \/v1\/screen/);
    } finally {
      await fastify.close();
    }
  });
});
