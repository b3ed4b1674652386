import { expect, test, type Browser } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { rfc3339 } from './support/time';

// Technicians record what they used (name and quantity); the office prices
// it (PATCH /work-orders/{id}/parts/{part}) until the work order is
// invoiced. Once its invoice is past draft, time and parts are locked
// (409 work_order_invoiced) and the page says so instead of offering forms.

interface Wo {
  id: number;
  number: string;
  version: number;
  status: string;
}
interface Part {
  id: number;
  name: string;
  quantity: number;
  unit_cost_cents?: number;
}

test('a technician adds a part without a price, the dispatcher prices it; once invoiced, time and parts are locked', async ({
  browser,
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const users = await owner.get<{ items: { id: number; email: string }[] }>('/users?limit=200');
  const tech = users.items.find((u) => u.email === env.technician.email)!;
  const customer = await owner.post<{ id: number }>('/customers', {
    name: uniqueName('Parts Percy'),
  });
  const wo = await owner.post<Wo>('/work-orders', {
    title: uniqueName('Replace effluent filter'),
    customer_id: customer.id,
    assignee_id: tech.id,
    scheduled_start: rfc3339(new Date(Date.now() + 2 * 86_400_000)),
  });

  // The technician, on a phone: name and quantity only.
  const phone = await phonePage(browser);
  await signIn(phone, env.technician, `/work-orders/${wo.id}`);
  const techParts = phone.getByRole('region', { name: 'Parts' });
  await expect(techParts.getByLabel('Part name')).toBeVisible();
  await expect(techParts.getByLabel('Unit cost ($)')).toHaveCount(0);
  await expect(techParts.getByText('The office sets the price.')).toBeVisible();
  await techParts.getByLabel('Part name').fill('Baffle tee');
  await techParts.getByLabel('Quantity').fill('2');
  await techParts.getByRole('button', { name: 'Add part' }).click();
  await expect(techParts.getByText('2 × Baffle tee', { exact: true })).toBeVisible();
  await expect(techParts.getByRole('button', { name: /Edit part/ })).toHaveCount(0);
  const overflow = await phone.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.context().close();
  // The server refuses a technician's price outright.
  const techApi = await ApiSession.login(ctx, env.technician);
  const priced = await techApi.send('POST', `/work-orders/${wo.id}/parts`, {
    name: 'Gold-plated tee',
    quantity: 1,
    unit_cost_cents: 100_000_000,
  });
  expect(priced.status).toBe(403);
  expect(priced.body).toMatchObject({ error: { reason: 'technician_cannot_price' } });

  // The dispatcher sees it unpriced and sets the price (on a phone-sized screen too).
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, env.dispatcher, `/work-orders/${wo.id}`);
  const parts = page.getByRole('region', { name: 'Parts' });
  await expect(parts.getByText('2 × Baffle tee · no price yet')).toBeVisible();
  await parts.getByRole('button', { name: 'Edit part Baffle tee' }).click();
  const edit = parts.getByRole('form', { name: 'Edit part Baffle tee' });
  await expect(edit.getByLabel('Part name')).toHaveValue('Baffle tee');
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await edit.getByLabel('Unit cost ($)').fill('12.50');
  await edit.getByLabel('Quantity').fill('3');
  await edit.getByRole('button', { name: 'Save part' }).click();
  await expect(parts.getByText('3 × Baffle tee at $12.50')).toBeVisible();
  const details = await owner.get<{ parts: Part[] }>(`/work-orders/${wo.id}/details`);
  expect(details.parts.find((p) => p.name === 'Baffle tee')).toMatchObject({
    quantity: 3,
    unit_cost_cents: 1250,
  });

  // Completed and invoiced (a draft): time and parts still change.
  let current = await owner.get<Wo>(`/work-orders/${wo.id}`);
  current = await owner.post<Wo>(`/work-orders/${wo.id}/transition`, {
    to: 'in_progress',
    version: current.version,
  });
  await owner.post<Wo>(`/work-orders/${wo.id}/transition`, {
    to: 'completed',
    version: current.version,
  });
  const invoice = await owner.post<{ id: number; number: string; version: number }>(
    `/work-orders/${wo.id}/invoice`,
  );
  await page.reload();
  const billing = page.getByRole('region', { name: 'Billing' });
  await expect(billing.getByRole('link', { name: `Invoice ${invoice.number}` })).toBeVisible();
  await expect(billing.getByText('Draft')).toBeVisible();
  const time = page.getByRole('region', { name: 'Time entries' });
  await expect(time.getByRole('button', { name: 'Record time' })).toBeVisible();

  // The invoice is sent meanwhile; the page learns it from the refusal.
  await owner.post(`/invoices/${invoice.id}/status`, { to: 'open', version: invoice.version });
  await time.getByLabel('Minutes').fill('15');
  await time.getByRole('button', { name: 'Record time' }).click();
  const locked = page.getByText(
    'This work order is invoiced: time and parts can no longer change.',
  );
  await expect(locked).toBeVisible();
  await expect(time.getByRole('button', { name: 'Record time' })).toHaveCount(0);
  await expect(parts.getByRole('button', { name: 'Add part' })).toHaveCount(0);
  await expect(parts.getByRole('button', { name: /Edit part/ })).toHaveCount(0);
  await expect(time.getByText('No time recorded.')).toBeVisible();

  // Loaded afresh, the page knows from the invoice itself.
  await page.reload();
  await expect(billing.getByText('Open', { exact: true })).toBeVisible();
  await expect(locked).toBeVisible();
  await expect(parts.getByRole('button', { name: 'Add part' })).toHaveCount(0);
  await expect(time.getByRole('button', { name: 'Record time' })).toHaveCount(0);
  // And the server refuses the office's price change too.
  const late = await owner.send('PATCH', `/work-orders/${wo.id}/parts/${details.parts[0]!.id}`, {
    unit_cost_cents: 1,
  });
  expect(late.status).toBe(409);
  expect(late.body).toMatchObject({ error: { reason: 'work_order_invoiced' } });
  await ctx.dispose();
});

async function phonePage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    timezoneId: 'UTC',
  });
  return context.newPage();
}
