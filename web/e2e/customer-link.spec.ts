import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { rfc3339 } from './support/time';

// Customer links (issue 14 item 5): the office makes a link on the work
// order, and the customer opens it on a phone without signing in: no
// navigation, nothing of the organization but its name, the visit, and a
// big Confirm button; the page trips no CSP rule and has no inline style.

interface Wo {
  id: number;
  number: string;
  version: number;
}

test('the office makes an appointment link and the customer confirms the visit on a phone', async ({
  page,
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const customer = await owner.post<{ id: number }>('/customers', { name: uniqueName('Link Lou') });
  const site = await owner.post<{ id: number }>(`/customers/${customer.id}/sites`, {
    name: 'Home',
    address: '42 Septic Lane',
    gate_code: '7741',
  });
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCMinutes(0, 0, 0);
  const wo = await owner.post<Wo>('/work-orders', {
    title: uniqueName('Pump-out'),
    customer_id: customer.id,
    site_id: site.id,
    notify_customer: false,
    scheduled_start: rfc3339(start),
    scheduled_end: rfc3339(new Date(start.getTime() + 2 * 3_600_000)),
  });
  await owner.post(`/work-orders/${wo.id}/transition`, { to: 'scheduled', version: wo.version });
  await ctx.dispose();

  await signIn(page, env.dispatcher, `/work-orders/${wo.id}`);
  const panel = page.getByRole('region', { name: 'Customer link' });
  await panel.getByLabel('Link for').selectOption('appointment');
  await panel.getByRole('button', { name: 'Create link' }).click();
  const url = await panel.getByLabel('Send this link to the customer').inputValue();
  expect(url).toMatch(/\/l\/[A-Za-z0-9_-]{43}$/);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const customerPage = await phone.newPage();
  const violations: string[] = [];
  customerPage.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  await customerPage.goto(url);
  await expect(customerPage.getByRole('heading', { name: 'Your appointment' })).toBeVisible();
  await expect(customerPage.getByText('42 Septic Lane')).toBeVisible();
  await expect(customerPage.getByRole('navigation')).toHaveCount(0);
  await expect(customerPage.getByText('7741')).toHaveCount(0);
  expect(await customerPage.locator('[style]').count()).toBe(0);
  await customerPage.getByRole('button', { name: 'Confirm' }).click();
  await expect(customerPage.getByText('Confirmed. Thank you!')).toBeVisible();
  await expect(customerPage.getByRole('button', { name: 'Confirm' })).toHaveCount(0);
  expect(violations).toEqual([]);
  await phone.close();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Customer link' })).toContainText('Used');
});
