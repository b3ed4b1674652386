import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// The work-order list: filters, cursor pagination and the board by status.

test('work orders: filter by status, priority, assignee and text; page with the cursor; board by status', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const api = await ApiSession.login(ctx, env.owner);
  const tag = uniqueName('flt').replace(/\s/g, '');
  // Enough work orders that the list needs a second page (50 per page).
  for (let i = 0; i < 52; i++)
    await api.post('/work-orders', { title: `Bulk ${tag} ${i}`, priority: 'low' });
  const urgent = await api.post<{ id: number; number: string }>('/work-orders', {
    title: `Urgent ${tag}`,
    priority: 'urgent',
  });
  await api.post(`/work-orders/${urgent.id}/transition`, { to: 'cancelled', version: 1 });
  await ctx.dispose();

  await signIn(page, env.owner, '/work-orders');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect.poll(() => rows.count()).toBeGreaterThan(50);

  await page.getByLabel('Status').selectOption('cancelled');
  await expect(page).toHaveURL(/status=cancelled/);
  await page.getByLabel('Priority').selectOption('urgent');
  await page.getByLabel('Search').fill(tag);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`Urgent ${tag}`);
  await expect(rows.first()).toContainText('Cancelled');

  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Priority').selectOption('low');
  await page.getByLabel('Assignee').selectOption({ label: 'Theo Technician' });
  await expect(page.getByText('No work orders match these filters.')).toBeVisible();

  // Filters live in the URL: a reload keeps them.
  await page.reload();
  await expect(page.getByLabel('Priority')).toHaveValue('low');

  await page.getByRole('link', { name: 'Board view' }).click();
  const cancelled = page.getByRole('region', { name: /Cancelled/ });
  await expect(
    cancelled.getByRole('link', { name: new RegExp(`${urgent.number} · Urgent ${tag}`) }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: /^Open/ })
      .getByRole('link', { name: new RegExp(`Bulk ${tag} 51`) }),
  ).toBeVisible();
});
