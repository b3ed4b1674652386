import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// Recurring service (issue 14 item 8) on a phone: the dispatcher adds a
// "pump-out every 3 years" plan to a customer's site, records that the
// customer agreed to reminder texts and how, and finds the plan on the
// Service due page with the customer's name and the channel; "Schedule
// visit" opens a work order that names the plan.

test.use({ viewport: { width: 390, height: 844 } });

test('a dispatcher plans a recurring pump-out and sees it due soon', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const office = await ApiSession.login(ctx, env.dispatcher);
  const name = uniqueName('Rita Recurring');
  const customer = await office.post<{ id: number }>('/customers', { name });
  await office.post(`/customers/${customer.id}/sites`, {
    name: 'Lake cabin',
    address: '2 Shore Rd',
  });
  await ctx.dispose();

  await signIn(page, env.dispatcher, `/customers/${customer.id}`);
  const panel = page.getByRole('region', { name: 'Service plans' });
  const form = panel.getByRole('form', { name: 'New service plan' });
  await form.getByLabel('How often').selectOption('36');
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Next due').fill(due);
  await form.getByRole('button', { name: 'Add plan' }).click();
  await expect(panel.getByText(/Septic pump-out.*at Lake cabin, every 36 months/)).toBeVisible();
  await expect(panel.getByText(/Due in (19|20|21) days/)).toBeVisible();

  await panel.getByLabel('How the customer agreed or declined').fill('Signed service agreement');
  await panel.getByRole('button', { name: 'Customer agreed to reminder texts' }).click();
  await expect(panel.getByRole('button', { name: 'Stop reminder texts' })).toBeVisible();
  await panel.getByText(/^History/).click();
  await expect(panel.getByText(/texts agreed \(Signed service agreement\)/)).toBeVisible();

  await page.goto('/service-plans');
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Lake cabin');
  await expect(row).toContainText('Septic pump-out');
  await expect(row).toContainText(/On \d{4}-\d{2}-\d{2} by text/); // the channels agreed to
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);

  // Schedule visit: a work order for the site, whose page names the plan.
  await page.goto(`/customers/${customer.id}`);
  await panel.getByRole('button', { name: 'Schedule visit' }).click();
  await expect(page).toHaveURL(/\/work-orders\/\d+$/);
  await expect(page.getByText('Completing this work order records the visit.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Septic pump-out' })).toBeVisible();
});
