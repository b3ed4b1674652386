import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// Data-subject rights (issue 13): on the customer page the office sets the
// CCPA "do not sell or share" flag; the owner downloads the export and erases
// the customer after typing their name; Settings → Privacy requests logs a
// request with its legal due date, and an overdue one shows on the dashboard.

interface Customer {
  id: number;
  name: string;
}

test('the owner exports and erases a customer from the customer page; the do-not-sell toggle keeps its history', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const customer = await owner.post<Customer>('/customers', {
    name: uniqueName('Erin Erasable'),
    email: 'erin.erasable@example.com',
  });
  await ctx.dispose();

  await signIn(page, env.owner, `/customers/${customer.id}`);
  const privacy = page.getByRole('region', { name: 'Privacy' });
  const toggle = privacy.getByRole('checkbox', { name: 'Do not sell or share (CCPA)' });
  await expect(toggle).not.toBeChecked();
  await toggle.click(); // checked once the server has recorded it
  await expect(toggle).toBeChecked();
  await expect(privacy.getByText(/^Set .+\(office\)$/)).toBeVisible();

  const download = page.waitForEvent('download');
  await privacy.getByRole('link', { name: 'Export data' }).click();
  expect((await download).suggestedFilename()).toBe(`customer-${customer.id}-export.zip`);

  await privacy.getByRole('button', { name: 'Erase…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase this customer' });
  const erase = dialog.getByRole('button', { name: 'Erase permanently' });
  await dialog.getByLabel('Reason').fill('GDPR request by email');
  await dialog.getByLabel("Type the customer's name to confirm").fill('someone else');
  await expect(erase).toBeDisabled();
  await dialog.getByLabel("Type the customer's name to confirm").fill(customer.name);
  await erase.click();
  await expect(page.getByRole('status').getByText(/^Erased: 0 site\(s\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '[erased]' })).toBeVisible();
});

test('Settings → Privacy requests logs a GDPR request due in 30 days; an overdue one is on the dashboard', async ({
  page,
}) => {
  await signIn(page, env.owner, '/admin/privacy-requests');
  await page.getByLabel('Type').selectOption('deletion');
  await page.getByLabel('Law').selectOption('gdpr');
  await page.getByLabel('Received on').fill('2020-01-31');
  await page.getByLabel('Notes').fill('By letter');
  await page.getByRole('button', { name: 'Log request' }).click();
  const row = page.getByRole('row', { name: /2020-01-31 Deletion \(GDPR\)/ }).first();
  await expect(row).toContainText('2020-03-01');
  await expect(row.getByText('Overdue')).toBeVisible();

  await page.goto('/dashboard');
  const card = page.getByRole('region', { name: 'Privacy requests overdue' });
  await card.getByRole('link', { name: 'See privacy requests' }).click();
  await expect(page).toHaveURL(/\/admin\/privacy-requests$/);
  await page
    .getByRole('row', { name: /2020-01-31 Deletion/ })
    .first()
    .getByRole('button', { name: 'Mark done' })
    .click();
  await expect(page.getByRole('row', { name: /2020-01-31 Deletion/ }).first()).toContainText(
    'Done',
  );
});
