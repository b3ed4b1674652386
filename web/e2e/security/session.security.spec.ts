import { expect, test } from '@playwright/test';
import { openNav, signIn, signOut } from '../support/app';
import { env } from '../support/env';
import { APP_PAGES } from '../support/paths';

// MUST-004 (sensitive cookies HttpOnly, Secure, SameSite=Strict), MUST-010
// (sessions expire when idle; logout ends them) and MUST-NOT-004 (no
// credentials or personal data in browser storage).

test('MUST-004 the session cookie is HttpOnly, Secure, SameSite=Strict and __Host- scoped', async ({
  page,
}) => {
  await signIn(page, env.owner);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === '__Host-session');
  expect(session, 'the session cookie is set').toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.secure).toBe(true);
  expect(session!.sameSite).toBe('Strict');
  expect(session!.path).toBe('/');
  // __Host- cookies have no Domain attribute: host-only.
  expect(session!.domain.startsWith('.')).toBe(false);
  // At most a day (MUST-010: the lifetime is capped at 24 h).
  expect(session!.expires * 1000 - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000 + 60_000);

  const csrf = cookies.find((c) => c.name === 'csrf_token');
  expect(csrf?.secure).toBe(true);
  expect(csrf?.sameSite).toBe('Strict');
  expect(csrf?.httpOnly).toBe(false);
});

test('MUST-NOT-004 document.cookie never exposes the session, and web storage stays empty', async ({
  page,
}) => {
  await signIn(page, env.owner);
  expect(await page.evaluate(() => document.cookie)).not.toContain('__Host-session');
  // Use the app a little: every page of the navigation.
  for (const path of APP_PAGES.filter((p) => !p.includes('/1') && p !== '/work-orders/new')) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  const storage = await page.evaluate(() => ({
    local: Object.keys(window.localStorage),
    session: Object.keys(window.sessionStorage),
    cookie: document.cookie,
  }));
  expect(storage.local).toEqual([]);
  expect(storage.session).toEqual([]);
  expect(storage.cookie).not.toContain('__Host-session');
  expect(storage.cookie).not.toContain(env.owner.password);
  // No IndexedDB databases either.
  const dbs = await page.evaluate(async () =>
    ((await indexedDB.databases?.()) ?? []).map((d) => d.name),
  );
  expect(dbs).toEqual([]);
});

test('MUST-010 logging out ends the session on the server (the old cookie gets 401)', async ({
  page,
  playwright,
}) => {
  await signIn(page, env.owner);
  const old = (await page.context().cookies()).find((c) => c.name === '__Host-session')!.value;
  await signOut(page);
  expect((await page.context().cookies()).find((c) => c.name === '__Host-session')).toBeUndefined();

  const replay = await playwright.request.newContext({ baseURL: env.baseURL });
  const res = await replay.get('/api/v1/auth/me', { headers: { Cookie: `__Host-session=${old}` } });
  expect(res.status()).toBe(401);
  await replay.dispose();

  // Back to a page: the login form, not data.
  await page.goto('/work-orders');
  await expect(page.getByRole('heading', { name: 'Sign in to Bulwark' })).toBeVisible();
});

test('MUST-010 an idle session expires and the app asks to sign in again', async ({ browser }) => {
  test.skip(
    !env.idle.baseURL,
    'E2E_IDLE_BASE_URL not set: scripts/web-e2e.sh starts a server with BULWARK_SESSION_IDLE_TIMEOUT',
  );
  const context = await browser.newContext({ baseURL: env.idle.baseURL });
  const page = await context.newPage();
  await signIn(page, env.idle.account);
  await openNav(page, 'Customers');
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  // Idle past the server's timeout, then do something.
  await page.waitForTimeout((env.idle.seconds + 1.5) * 1000);
  await openNav(page, 'Work orders');
  await expect(page.getByText('Your session has expired, please sign in again.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in to Bulwark' })).toBeVisible();
  await expect(page).toHaveURL(/\/login\?next=%2Fwork-orders/);
  // Signing in again returns to where the user was.
  await page.getByLabel('Email').fill(env.idle.account.email);
  await page.getByLabel('Password').fill(env.idle.account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Work orders', level: 1 })).toBeVisible();
  await context.close();
});
