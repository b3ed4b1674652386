import { expect, test, type Browser, type Page } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { rfc3339 } from './support/time';

// A field app that survives the field (issue 12 item 8), on a 390-px phone:
// a comment made offline is queued (IndexedDB, keyed to the user, without
// the CSRF token) and posted exactly once when the network returns; "Start
// work" starts the job timer, which survives a reload and fills the time
// entry when stopped; a lost answer is resent under the same Idempotency-Key
// and the server does not record the time twice; a draft survives a session
// that ends and the sign-in that follows.

interface Wo {
  id: number;
  number: string;
  version: number;
}
interface Details {
  comments: { body: string }[];
  time_entries: { minutes: number }[];
}

async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    timezoneId: 'UTC',
  });
  return context.newPage();
}

/** A work order scheduled for the technician, made through the API as the owner. */
async function techJob(owner: ApiSession, title: string): Promise<Wo> {
  const users = await owner.get<{ items: { id: number; email: string }[] }>('/users?limit=200');
  const tech = users.items.find((u) => u.email === env.technician.email)!;
  const customer = await owner.post<{ id: number }>('/customers', { name: uniqueName('Field') });
  return owner.post<Wo>('/work-orders', {
    title: uniqueName(title),
    customer_id: customer.id,
    assignee_id: tech.id,
    scheduled_start: rfc3339(new Date(Date.now() + 3_600_000)),
  });
}

/** Everything in the offline queue's database, as text (empty when it does not exist). */
async function queueText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const names = ((await indexedDB.databases()) ?? []).map((d) => d.name);
    if (!names.includes('bulwark-offline')) return '';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('bulwark-offline');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error('open failed'));
    });
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction('outbox').objectStore('outbox').getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(new Error('read failed'));
    });
    db.close();
    return JSON.stringify(all);
  });
}

test('MUST-NOT-004 a comment made offline on a 390-px phone is queued without the CSRF token and posted once when back online', async ({
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const wo = await techJob(owner, 'Offline comment');

  const phone = await phonePage(browser);
  await signIn(phone, env.technician, `/work-orders/${wo.id}`);
  const comments = phone.getByRole('region', { name: 'Comments' });
  await expect(comments.getByLabel('Add a comment')).toBeVisible();

  await phone.context().setOffline(true);
  const text = uniqueName('Gate was chained; used the side gate');
  await comments.getByLabel('Add a comment').fill(text);
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await expect(
    comments.getByText("Saved offline — will send when you're back online"),
  ).toBeVisible();
  const status = phone.getByRole('region', { name: 'Offline changes' });
  await expect(status.getByText('1 change waiting to send')).toBeVisible();
  await expect(status.getByText(`Comment: ${text.slice(0, 20)}`, { exact: false })).toBeVisible();

  // What waits holds the comment and its key, never the CSRF token or the session.
  const csrf = (await phone.context().cookies()).find((c) => c.name === 'csrf_token')!.value;
  const queued = await queueText(phone);
  expect(queued).toContain(text);
  expect(queued).toContain('idempotencyKey');
  expect(queued).not.toContain(csrf);
  expect(queued).not.toContain('__Host-session');
  expect(await phone.evaluate(() => Object.keys(window.localStorage))).toEqual([]);
  expect(
    (await owner.get<Details>(`/work-orders/${wo.id}/details`)).comments.map((c) => c.body),
  ).not.toContain(text);

  await phone.context().setOffline(false);
  await expect(comments.getByText(text)).toBeVisible();
  await expect(status).toHaveCount(0);
  const details = await owner.get<Details>(`/work-orders/${wo.id}/details`);
  expect(details.comments.filter((c) => c.body === text)).toHaveLength(1);
  // Sent: the queue's database is gone again.
  expect(await queueText(phone)).toBe('');
  expect(
    await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await phone.context().close();
});

test('"Start work" starts the job timer, which survives a reload and fills the time entry; a lost answer is not billed twice', async ({
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const wo = await techJob(owner, 'Timed pump-out');

  const phone = await phonePage(browser);
  await phone.clock.install();
  await signIn(phone, env.technician, `/work-orders/${wo.id}`);
  await phone.getByRole('button', { name: 'Start work' }).click();
  const time = phone.getByRole('region', { name: 'Time entries' });
  await expect(time.getByText('Timer running')).toBeVisible();

  await phone.clock.fastForward('25:00');
  await phone.reload();
  await expect(time.getByText('Timer running: 25:0')).toBeVisible();
  await time.getByRole('button', { name: 'Stop timer' }).click();
  await expect(time.getByLabel('Minutes')).toHaveValue('25');
  await expect(time.getByRole('button', { name: 'Start timer' })).toBeVisible();

  // The first answer is lost on the way back (the server did record it);
  // the app resends under the same Idempotency-Key and gets the first answer.
  const keys: string[] = [];
  let lost = false;
  await phone.route('**/api/v1/work-orders/*/time', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    const response = await route.fetch();
    if (!lost) {
      lost = true;
      return route.abort('failed');
    }
    return route.fulfill({ response });
  });
  await time.getByLabel('Note').fill('pumped 950 gal');
  await time.getByRole('button', { name: 'Record time' }).click();
  await expect(time.getByText(/25 min by/)).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[0]).not.toBe('');
  expect(keys[1]).toBe(keys[0]);
  const details = await owner.get<Details>(`/work-orders/${wo.id}/details`);
  expect(details.time_entries.map((t) => t.minutes)).toEqual([25]);
  await phone.context().close();
});

test('a comment draft survives a session that ends and the sign-in that follows in the same tab', async ({
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const wo = await techJob(owner, 'Draft kept');

  const phone = await phonePage(browser);
  await signIn(phone, env.technician, `/work-orders/${wo.id}`);
  const draft = uniqueName('Half-written note about the baffle');
  const comments = phone.getByRole('region', { name: 'Comments' });
  await comments.getByLabel('Add a comment').fill(draft);

  // The session ends on the server's side (here: its cookie is gone).
  await phone.context().clearCookies();
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await expect(phone.getByText('Your session has expired, please sign in again.')).toBeVisible();
  await phone.getByLabel('Email').fill(env.technician.email);
  await phone.getByLabel('Password').fill(env.technician.password);
  await phone.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(
    phone.getByRole('region', { name: 'Comments' }).getByLabel('Add a comment'),
  ).toHaveValue(draft);

  // Signing out removes drafts and the queue from the browser.
  await phone.getByRole('button', { name: 'Sign out' }).click();
  await expect(phone.getByRole('heading', { name: 'Sign in to Bulwark' })).toBeVisible();
  expect(await phone.evaluate(() => Object.keys(window.sessionStorage))).toEqual([]);
  expect(await queueText(phone)).toBe('');
  await phone.context().close();
});

test('MUST-NOT-004 the service worker keeps only the app shell, never an /api/ answer, and opens the app offline', async ({
  browser,
}) => {
  const phone = await phonePage(browser);
  await signIn(phone, env.technician, '/my-day');
  await phone.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Use the app under the worker: pages and their API calls.
  await phone.goto('/my-day');
  await expect(phone.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await phone.goto('/work-orders');
  await expect(phone.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const kept = await phone.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      for (const req of await (await caches.open(name)).keys())
        urls.push(new URL(req.url).pathname);
    return urls;
  });
  expect(kept).toContain('/');
  for (const path of kept) expect(path === '/' || path.startsWith('/assets/'), path).toBe(true);

  // Offline, a reload still opens the app (which says it cannot reach the server).
  await phone.context().setOffline(true);
  await phone.reload();
  await expect(phone.getByRole('heading', { name: 'Sign in to Bulwark' })).toBeVisible();
  await expect(phone.getByText('Cannot reach the server. Please try again.')).toBeVisible();
  await phone.context().close();
});
