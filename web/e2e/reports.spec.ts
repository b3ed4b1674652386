import { expect, test } from '@playwright/test';
import { ApiSession, openNav, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// The maintenance reports (issue 14 item 7): the office opens Reports from
// the menu on a phone and finds PM compliance, mean time to repair and cost
// per asset, with the asset and site by name; a technician has no such menu
// entry.

test('the Reports page shows PM compliance, mean time to repair and cost per asset', async ({
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const customer = await owner.post<{ id: number }>('/customers', {
    name: uniqueName('Mill'),
    phone: '(201) 555-0190',
  });
  const site = await owner.post<{ id: number }>(`/customers/${customer.id}/sites`, {
    name: 'Report plant',
    address: '12 Weir Rd',
  });
  const press = uniqueName('Press');
  const asset = await owner.post<{ id: number }>(`/sites/${site.id}/assets`, { name: press });
  const wo = await owner.post<{ id: number }>('/work-orders', {
    title: 'Hydraulic leak',
    type: 'corrective',
    priority: 'high',
    customer_id: customer.id,
    site_id: site.id,
    asset_id: asset.id,
  });
  await owner.post(`/work-orders/${wo.id}/parts`, {
    name: 'Hose',
    quantity: 1,
    unit_cost_cents: 12345,
  });

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await signIn(page, env.owner);
  await openNav(page, 'Reports');
  await expect(page.getByRole('heading', { name: 'Maintenance reports', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'PM compliance' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mean time to repair' })).toBeVisible();
  const costs = page.getByRole('table', { name: 'Cost per asset' });
  const row = costs.getByRole('row').filter({ hasText: press });
  await expect(row).toContainText('Report plant');
  await expect(row).toContainText('$123.45');
  await context.close();

  const techPage = await browser.newPage();
  await signIn(techPage, env.technician);
  await expect(
    techPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }),
  ).toHaveCount(0);
  await techPage.close();
  await ctx.dispose();
});
