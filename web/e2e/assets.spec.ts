import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// A plant's assets (issue 14 item 7): the Assets page lists every asset by
// site and area with its status, on a phone, and a machine is marked
// running again with a reason from its page.

test('the Assets page lists a plant by area and a machine goes back to running', async ({
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const plant = uniqueName('Bottling');
  const customer = await owner.post<{ id: number }>('/customers', {
    name: plant,
    phone: '(201) 555-0182',
  });
  const site = await owner.post<{ id: number }>(`/customers/${customer.id}/sites`, {
    name: 'North plant',
    address: '9 Mill Rd',
  });
  const hall = await owner.post<{ id: number }>(`/sites/${site.id}/assets`, {
    name: 'Filling hall',
    type: 'Area',
  });
  const conveyor = await owner.post<{ id: number; version: number }>(`/sites/${site.id}/assets`, {
    name: 'Conveyor 7',
    parent_id: hall.id,
  });
  await owner.patch(`/assets/${conveyor.id}`, {
    status: 'down',
    reason: 'Belt torn',
    version: conveyor.version,
  });

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await signIn(page, env.owner, '/assets');
  await page.getByLabel('Search').fill(plant);
  const row = page.getByRole('row').filter({ hasText: 'Conveyor 7' });
  await expect(row).toContainText('Filling hall');
  await expect(row).toContainText(`${plant} — North plant`);
  await expect(row).toContainText('Down');
  await row.getByRole('link', { name: 'Conveyor 7' }).click();

  await expect(page.getByRole('heading', { name: 'Conveyor 7', level: 1 })).toBeVisible();
  await expect(page.getByText(/Belt torn/)).toBeVisible();
  await page.getByLabel('Reason').fill('New belt fitted');
  await page.getByRole('button', { name: 'Mark running' }).click();
  await expect(page.getByRole('heading', { name: /Status/ })).toContainText('Running');
  await expect(page.getByText(/New belt fitted/)).toBeVisible();
  await context.close();
  await ctx.dispose();
});
