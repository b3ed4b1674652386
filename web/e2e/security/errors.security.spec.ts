import { expect, test } from '@playwright/test';
import { ApiSession } from '../support/app';
import { env } from '../support/env';

// MUST-006: error answers are small JSON documents ({"error": {...}}) that
// never carry stack traces, file names or SQL, whatever the request did.

const LEAKS = [
  /\.cpp\b/,
  /\.hpp\b/,
  /std::/,
  /boost::/,
  /\bSELECT\b/i,
  /\bsqlite|postgres/i,
  /at 0x[0-9a-f]+/i,
  /Traceback|stack trace/i,
];

test('MUST-006 malformed and hostile requests get JSON errors without internals', async ({
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const attempts = [
    ctx.post('/api/v1/customers', {
      headers: { ...owner.headers(), 'Content-Type': 'application/json' },
      data: '{"name": ',
    }),
    ctx.post('/api/v1/customers', {
      headers: owner.headers(),
      data: { name: "x' OR 1=1; DROP TABLE customers; --", unexpected: true },
    }),
    ctx.get('/api/v1/customers?cursor=%27%3B%20DROP%20TABLE%20x%3B--', {
      headers: owner.headers(false),
    }),
    ctx.get('/api/v1/work-orders?status=%00bogus', { headers: owner.headers(false) }),
    ctx.get('/api/v1/work-orders/99999999999999999999999', { headers: owner.headers(false) }),
    ctx.patch('/api/v1/customers/1', {
      headers: owner.headers(),
      data: { version: 'not a number' },
    }),
    ctx.post('/api/v1/work-orders', {
      headers: owner.headers(),
      data: { title: 'x', scheduled_start: 'yesterday-ish' },
    }),
  ];
  for (const res of await Promise.all(attempts)) {
    expect(res.status(), res.url()).toBeGreaterThanOrEqual(400);
    expect(res.status(), res.url()).toBeLessThan(500);
    expect(res.headers()['content-type']).toContain('application/json');
    const text = await res.text();
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(typeof body.error.code).toBe('string');
    for (const leak of LEAKS) expect(text, `${res.url()} leaks ${leak}`).not.toMatch(leak);
  }
  await ctx.dispose();
});
