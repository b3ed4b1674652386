import { expect, test, type APIRequest, type Page } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from '../support/app';
import { env } from '../support/env';
import { startEvilSite, type EvilSite } from '../support/evil-site';

// Cross-site request forgery. MUST-004: SameSite=Strict keeps the session
// cookie off cross-site requests; on top of that, every state change needs
// the session's CSRF token and a same-origin request, so a page on another
// origin cannot change anything even while the victim is signed in.
// MUST-NOT-006: nothing changes state through GET.

let evil: EvilSite;
test.beforeAll(async () => {
  evil = await startEvilSite(env.baseURL);
});
test.afterAll(async () => {
  await evil.close();
});

/** How many customers carry the marker, asked as the owner through the API. */
async function customersNamed(
  playwright: { request: APIRequest },
  marker: string,
): Promise<number> {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const page = await owner.get<{ items: { name: string }[] }>(
    `/customers?q=${encodeURIComponent(marker)}`,
  );
  await ctx.dispose();
  return page.items.filter((c) => c.name.includes(marker)).length;
}

/**
 * Watches what the browser got back from Bulwark's API for the forged
 * (state-changing) requests. GETs are left out: the app page the victim
 * just signed in on may still be loading its own data (200s) when the
 * listener starts, and they are not what this test is about.
 */
function recordApiStatuses(page: Page): number[] {
  const statuses: number[] = [];
  page.on('response', (r) => {
    const method = r.request().method();
    if (r.url().startsWith(`${env.baseURL}/api/`) && method !== 'GET' && method !== 'OPTIONS')
      statuses.push(r.status());
  });
  return statuses;
}

// 127.0.0.1 on another port is same-site (cookies are sent, Origin differs);
// localhost is cross-site (SameSite=Strict keeps the cookies home).
for (const host of ['127.0.0.1', 'localhost']) {
  test(`MUST-004 an auto-submitting form on http://${host}:<other port> cannot create a customer`, async ({
    page,
    playwright,
  }) => {
    const marker = uniqueName('CSRFFORM').replace(/\s/g, '');
    await signIn(page, env.owner);
    const statuses = recordApiStatuses(page);
    await page.goto(`http://${host}:${evil.port}/form?marker=${marker}`);
    await page.waitForURL(`${env.baseURL}/api/v1/customers`);
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses)
      expect(s, 'Bulwark must refuse the forged request').toBeGreaterThanOrEqual(400);
    expect(await customersNamed(playwright, marker)).toBe(0);
  });

  test(`MUST-004 fetch() from http://${host}:<other port> with the victim's cookies cannot create a customer`, async ({
    page,
    playwright,
  }) => {
    const marker = uniqueName('CSRFFETCH').replace(/\s/g, '');
    await signIn(page, env.owner);
    const statuses = recordApiStatuses(page);
    await page.goto(`http://${host}:${evil.port}/fetch?marker=${marker}`);
    await expect(page).toHaveTitle('done');
    for (const s of statuses)
      expect(s, 'Bulwark must refuse the forged request').toBeGreaterThanOrEqual(400);
    expect(await customersNamed(playwright, marker)).toBe(0);
  });
}

test('CSRF a mutation without the X-CSRF-Token header is refused with 403', async ({
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const marker = uniqueName('NOTOKEN').replace(/\s/g, '');
  const res = await ctx.post('/api/v1/customers', {
    headers: owner.headers(false),
    data: { name: marker },
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');

  const wrong = await ctx.post('/api/v1/customers', {
    headers: { ...owner.headers(false), 'X-CSRF-Token': 'not-the-token' },
    data: { name: marker },
  });
  expect(wrong.status()).toBe(403);

  // The right token from another origin is refused too (Origin check).
  const otherOrigin = await ctx.post('/api/v1/customers', {
    headers: { ...owner.headers(), Origin: 'http://evil.example' },
    data: { name: marker },
  });
  expect(otherOrigin.status()).toBe(403);

  expect(await customersNamed(playwright, marker)).toBe(0);
  await ctx.dispose();
});

test('CSRF same-origin script without the token is refused too; the app sends it', async ({
  page,
  playwright,
}) => {
  await signIn(page, env.owner);
  const marker = uniqueName('INPAGE').replace(/\s/g, '');
  const status = await page.evaluate(async (name) => {
    const r = await fetch('/api/v1/customers', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    return r.status;
  }, marker);
  expect(status).toBe(403);
  expect(await customersNamed(playwright, marker)).toBe(0);

  // The app's own requests carry the header read from the csrf_token cookie.
  const seen = page.waitForRequest(
    (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/customers'),
  );
  await page.goto('/customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await page.getByLabel('Name').fill(marker);
  await page.getByRole('button', { name: 'Create customer' }).click();
  const request = await seen;
  const cookies = await page.context().cookies();
  expect(request.headers()['x-csrf-token']).toBe(
    cookies.find((c) => c.name === 'csrf_token')?.value,
  );
  await expect(page.getByRole('heading', { name: marker })).toBeVisible();
});

test('MUST-NOT-006 state-changing routes do not answer GET, and GET changes nothing', async ({
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  for (const path of [
    '/api/v1/auth/logout',
    '/api/v1/org/revoke-sessions',
    '/api/v1/users/1/revoke-sessions',
    '/api/v1/customers/1/restore',
    '/api/v1/work-orders/1/transition',
    '/api/v1/invoices/1/status',
  ]) {
    const res = await ctx.get(path, { headers: owner.headers() });
    expect([404, 405], `GET ${path} -> ${res.status()}`).toContain(res.status());
  }
  // The session survived the GET on /auth/logout and /org/revoke-sessions.
  const me = await ctx.get('/api/v1/auth/me', { headers: owner.headers(false) });
  expect(me.status()).toBe(200);
  await ctx.dispose();
});
