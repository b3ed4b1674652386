import { expect, test, type Page } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from '../support/app';
import { env } from '../support/env';

// MUST-003 (user input is untrusted) and MUST-NOT-003 (no eval or dynamic
// code): script and HTML typed into any text field must come back as text.
// React escapes everything and the CSP forbids inline script; this proves
// both in a real browser: no dialog opens, no element is injected, and the
// CSP never has to block anything (nothing tried to run).

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
];

interface Guard {
  dialogs: string[];
  cspMessages: string[];
}

/** Records dialogs and CSP violations (console and securitypolicyviolation events). */
async function guard(page: Page): Promise<Guard> {
  const g: Guard = { dialogs: [], cspMessages: [] };
  page.on('dialog', async (d) => {
    g.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) g.cspMessages.push(m.text());
  });
  await page.exposeFunction('__reportCsp', (text: string) => g.cspMessages.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return g;
}

async function expectInert(page: Page, g: Guard, texts: string[]) {
  for (const text of texts)
    await expect(
      page.getByText(text, { exact: false }).filter({ visible: true }).first(),
    ).toBeVisible();
  const injected = await page.evaluate(() => ({
    imgs: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll('svg[onload]').length,
    inlineScripts: Array.from(document.scripts).filter((s) => !s.src).length,
    handlers: document.querySelectorAll('[onerror],[onload]').length,
  }));
  expect(injected).toEqual({ imgs: 0, svgs: 0, inlineScripts: 0, handlers: 0 });
  expect(g.dialogs, 'no alert() may run').toEqual([]);
  expect(g.cspMessages, 'nothing may even try to run inline').toEqual([]);
}

test('MUST-003 MUST-NOT-003 script and HTML typed into the customer form render as text', async ({
  page,
}) => {
  const g = await guard(page);
  await signIn(page, env.owner, '/customers');
  const tag = uniqueName('X').replace(/\s/g, '');
  const name = `${PAYLOADS[0]} ${tag}`;
  await page.getByRole('button', { name: 'New customer' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Billing address').fill(PAYLOADS[1]!);
  await page.getByLabel('Notes').fill(PAYLOADS[2]!);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expectInert(page, g, [name, PAYLOADS[1]!, PAYLOADS[2]!]);

  // A payload in a validated field is refused with a message, still as text.
  await page.getByRole('button', { name: 'Edit customer' }).click();
  await page.getByLabel('Email').fill(PAYLOADS[1]!);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('is not a valid email address')).toBeVisible();
  await expectInert(page, g, []);

  await page.goto(`/customers?q=${encodeURIComponent(tag)}`);
  await expectInert(page, g, [name]);
});

test('MUST-003 MUST-NOT-003 payloads in every work-order, site, comment and item field render as text', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const api = await ApiSession.login(ctx, env.owner);
  const tag = uniqueName('Y').replace(/\s/g, '');
  const customer = await api.post<{ id: number }>('/customers', {
    name: `${PAYLOADS[2]} ${tag}`,
    billing_address: PAYLOADS[0],
    notes: PAYLOADS[1],
  });
  const site = await api.post<{ id: number }>(`/customers/${customer.id}/sites`, {
    name: `${PAYLOADS[1]} site`,
    address: PAYLOADS[2],
    access_notes: PAYLOADS[0],
  });
  await api.post(`/sites/${site.id}/assets`, {
    name: `${PAYLOADS[0]} tank`,
    type: PAYLOADS[1],
    make: PAYLOADS[2],
  });
  const wo = await api.post<{ id: number }>('/work-orders', {
    title: `${PAYLOADS[0]} ${tag}`,
    description: `${PAYLOADS[1]}\n${PAYLOADS[2]}`,
    customer_id: customer.id,
    site_id: site.id,
  });
  for (const p of PAYLOADS) await api.post(`/work-orders/${wo.id}/comments`, { body: p });
  await api.post(`/work-orders/${wo.id}/checklist`, { label: PAYLOADS[2] });
  await api.post(`/work-orders/${wo.id}/time`, { minutes: 15, note: PAYLOADS[1] });
  await api.post(`/work-orders/${wo.id}/parts`, { name: PAYLOADS[0], quantity: 1 });
  await ctx.dispose();

  const g = await guard(page);
  await signIn(page, env.owner, `/work-orders/${wo.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${PAYLOADS[0]} ${tag}`);
  await expectInert(page, g, [...PAYLOADS]);

  // A comment typed through the UI, too.
  await page.getByLabel('Add a comment').fill(`${PAYLOADS[2]} typed`);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expectInert(page, g, [`${PAYLOADS[2]} typed`]);

  for (const path of [
    `/customers/${customer.id}`,
    '/work-orders',
    '/work-orders/board',
    '/dispatch',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectInert(
      page,
      g,
      path === '/work-orders' || path === '/dispatch'
        ? [`${PAYLOADS[0]} ${tag}`]
        : path.startsWith('/customers')
          ? [`${PAYLOADS[2]} ${tag}`, `${PAYLOADS[1]} site`, `${PAYLOADS[0]} tank`]
          : [],
    );
  }
});

test('MUST-003 MUST-NOT-003 an SMS body with HTML renders as text in the customer thread and the outbox', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const tag = uniqueName('S').replace(/\s/g, '');
  const customer = await owner.post<{ id: number }>('/customers', {
    name: `SMS ${tag}`,
    phone: `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
  });
  const dispatcher = await ApiSession.login(ctx, env.dispatcher);
  const sent = `${PAYLOADS[1]} ${tag}`;
  await dispatcher.post(`/customers/${customer.id}/messages`, { body: sent });
  await ctx.dispose();

  const g = await guard(page);
  await signIn(page, env.dispatcher, `/customers/${customer.id}`);
  const thread = page.getByRole('region', { name: 'Text messages' });
  await expect(thread.getByRole('listitem').filter({ hasText: sent })).toBeVisible();
  await expectInert(page, g, [sent]);

  // Typed through the form, too.
  const typed = `${PAYLOADS[2]} typed ${tag}`;
  await thread.getByLabel('Message', { exact: true }).fill(typed);
  await thread.getByRole('button', { name: 'Send message' }).click();
  await expect(thread.getByRole('listitem').filter({ hasText: typed })).toBeVisible();
  await expectInert(page, g, [sent, typed]);

  await page.goto('/messages?direction=outbound');
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
  await expectInert(page, g, [sent, typed]);
});
