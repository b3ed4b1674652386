import { expect, test, type Browser } from '@playwright/test';
import { ApiSession, openNav, screenshot, signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { awayFromUtcMidnight, rfc3339, thisMinuteUtc } from './support/time';

// What the technician needs at the gate (issue 12 item 2), on a 390-px
// phone: from My day, navigation and call/text links for their job, the
// gate code behind one tap (revealed by the server to the assigned
// technician only), and on the work order the asset and the checklist.

const GATE = 'Gate 4412. Dog: friendly lab. Lid behind the shed.';

test('technician navigates, calls and reveals the gate code on a 390-px phone', async ({
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const users = await owner.get<{ items: { id: number; email: string }[] }>('/users?limit=200');
  const tech = users.items.find((u) => u.email === env.technician.email)!;
  const customer = await owner.post<{ id: number; name: string }>('/customers', {
    name: uniqueName('Kowalski'),
    phone: '(201) 555-0181',
  });
  const site = await owner.post<{ id: number }>(`/customers/${customer.id}/sites`, {
    name: 'Farmhouse',
    address: '12 Route 9, Wantage, NJ',
    access_notes: GATE,
    gate_code: '#4821',
  });
  const tank = await owner.post<{ id: number; name: string }>(`/sites/${site.id}/assets`, {
    name: uniqueName('1000-gal septic tank'),
  });
  await awayFromUtcMidnight();
  const wo = await owner.post<{ id: number; number: string }>('/work-orders', {
    title: uniqueName('Pump-out'),
    customer_id: customer.id,
    site_id: site.id,
    asset_id: tank.id,
    assignee_id: tech.id,
    scheduled_start: rfc3339(thisMinuteUtc()),
  });
  await owner.post(`/work-orders/${wo.id}/checklist`, { label: 'Record gallons pumped' });
  await ctx.dispose();

  const page = await phonePage(browser);
  await signIn(page, env.technician);
  await openNav(page, 'My day');
  const card = page.getByRole('article', { name: new RegExp(`${wo.number} · `) });
  await expect(card).toBeVisible();
  const query = encodeURIComponent('12 Route 9, Wantage, NJ');
  await expect(card.getByRole('link', { name: 'Google Maps' })).toHaveAttribute(
    'href',
    `https://www.google.com/maps/search/?api=1&query=${query}`,
  );
  await expect(card.getByRole('link', { name: 'Apple Maps' })).toHaveAttribute(
    'href',
    `https://maps.apple.com/?q=${query}`,
  );
  await expect(card.getByRole('link', { name: 'Map app' })).toHaveAttribute(
    'href',
    `geo:0,0?q=${query}`,
  );
  await expect(card.getByRole('link', { name: 'Call the customer' })).toHaveAttribute(
    'href',
    'tel:+12015550181',
  );
  await expect(card.getByRole('link', { name: 'Text the customer' })).toHaveAttribute(
    'href',
    'sms:+12015550181',
  );
  await expect(card.getByText('(201) 555-0181')).toBeVisible();
  // The gate code is not on the page until the technician asks for it.
  await expect(card.getByText(GATE)).toHaveCount(0);
  await expect(card.getByText('#4821')).toHaveCount(0);
  await card.getByRole('button', { name: 'Show gate code and access notes' }).click();
  await expect(card.getByText(GATE)).toBeVisible();
  // The gate code on its own, big, with a Copy button at touch size.
  const code = card.getByRole('status', { name: 'Gate code' });
  await expect(code).toHaveText('#4821');
  const copy = card.getByRole('button', { name: 'Copy' });
  expect((await copy.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await screenshot(page, 'my-day-field-phone');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  // The work order: the asset by name, the checklist, the same links; no
  // cancel or close (office decisions).
  await card.getByRole('link', { name: 'Details, checklist and notes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(wo.number);
  await expect(page.getByRole('link', { name: tank.name })).toBeVisible();
  await expect(page.getByText('Record gallons pumped')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call the customer' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Google Maps' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel work order' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show gate code and access notes' }).click();
  await expect(page.getByText(GATE)).toBeVisible();
  await page.context().close();
});

test('the office edits a work order and is told when someone else changed it first', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const customer = await owner.post<{ id: number }>('/customers', { name: uniqueName('Nowak') });
  const site = await owner.post<{ id: number }>(`/customers/${customer.id}/sites`, {
    name: 'Barn',
    address: '3 Mill Rd',
  });
  const tank = await owner.post<{ id: number; name: string }>(`/sites/${site.id}/assets`, {
    name: uniqueName('Holding tank'),
  });
  const wo = await owner.post<{ id: number; number: string; version: number }>('/work-orders', {
    title: uniqueName('Inspect'),
    customer_id: customer.id,
    site_id: site.id,
  });

  await signIn(page, env.dispatcher, `/work-orders/${wo.id}`);
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Edit the work order' });
  const newTitle = uniqueName('Inspect baffles');
  await form.getByLabel('Title').fill(newTitle);
  await form.getByLabel('Asset').selectOption({ label: tank.name });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(newTitle);
  await expect(page.getByRole('link', { name: tank.name })).toBeVisible();

  // Someone else saves first: the stale edit is refused and the page reloads.
  await page.getByRole('button', { name: 'Edit details' }).click();
  await form.getByLabel('Title').fill('Stale title');
  const current = await owner.get<{ version: number }>(`/work-orders/${wo.id}`);
  await owner.patch(`/work-orders/${wo.id}`, {
    title: 'Changed by the owner',
    version: current.version,
  });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/Someone else changed this work order/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Changed by the owner');
  await ctx.dispose();
});

async function phonePage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  return context.newPage();
}

test('the office sets a site gate code in the site form and sees it big', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const customer = await owner.post<{ id: number }>('/customers', {
    name: uniqueName('Gatehouse'),
  });
  await owner.post(`/customers/${customer.id}/sites`, { name: 'Barn', address: '3 Mill Rd' });
  await ctx.dispose();

  await signIn(page, env.owner);
  await page.goto(`/customers/${customer.id}`);
  const form = page.locator('details').filter({ has: page.getByText('Edit site') });
  await form.getByText('Edit site').click();
  await form.getByLabel('Gate code').fill('7731#');
  await form.getByRole('button', { name: 'Save site' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Gate code' })).toHaveText('7731#');
});
