import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// Named PM checklists (issue 14 item 7) on a phone: a dispatcher reaches the
// page from Assets, makes a checklist with its items, gives it to a PM
// schedule, then renames it, removes and adds items, and is told plainly
// why it cannot be deleted while the schedule uses it.

test.use({ viewport: { width: 390, height: 844 } });

test('a dispatcher makes a PM checklist, uses it on a schedule and edits it', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const office = await ApiSession.login(ctx, env.dispatcher);
  const customer = await office.post<{ id: number }>('/customers', {
    name: uniqueName('Bottling plant'),
  });
  const site = await office.post<{ id: number }>(`/customers/${customer.id}/sites`, {
    name: 'Line 2',
    address: '8 Cap St',
  });
  const title = uniqueName('Filler PM');
  await office.post('/pm-schedules', {
    site_id: site.id,
    title,
    interval_unit: 'months',
    interval_value: 1,
    first_due_at: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 19) + 'Z',
  });
  await ctx.dispose();

  await signIn(page, env.dispatcher, '/assets');
  await page.getByRole('link', { name: 'Edit PM checklists' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'PM checklists' })).toBeVisible();

  // Made with its items.
  const name = uniqueName('Filler monthly');
  const create = page.getByRole('form', { name: 'Create a PM checklist' });
  await create.getByRole('textbox', { name: /^Checklist name/ }).fill(name);
  const itemLabel = create.getByRole('textbox', { name: 'Item', exact: true });
  await itemLabel.fill('Check nozzle seals');
  await create.getByRole('checkbox', { name: 'Required to complete the job' }).check();
  await create.getByRole('button', { name: 'Put item on the list' }).click();
  await itemLabel.fill('Fill pressure');
  await create.getByLabel('What it asks for').selectOption('number');
  await create.getByRole('textbox', { name: 'Unit (e.g. gallons)' }).fill('bar');
  await create.getByRole('button', { name: 'Put item on the list' }).click();
  const pending = create.getByRole('list', { name: 'Items of the new checklist' });
  await expect(pending.getByRole('listitem')).toHaveCount(2);
  await create.getByRole('button', { name: 'Create checklist' }).click();
  await expect(page.getByText(`${name} is saved.`)).toBeVisible();
  await expect(pending.getByRole('listitem')).toHaveCount(0);
  const summary = page.locator('summary', { hasText: name });
  await expect(summary).toHaveText(`${name} · 2 items`);

  // Used on the schedule.
  await page.goto('/assets');
  const row = page.getByRole('row').filter({ hasText: title });
  await row.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: `Edit ${title}` });
  await edit.getByLabel('Checklist').selectOption({ label: `${name} (2 items)` });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText(name);

  // Edited: renamed, one item off, one on.
  await page.goto('/pm-checklists');
  await page.locator('summary', { hasText: name }).click();
  const renamed = uniqueName('Filler 30-day');
  const rename = page.getByRole('form', { name: `Rename ${name}` });
  await rename.getByRole('textbox', { name: 'Checklist name' }).fill(renamed);
  await rename.getByRole('button', { name: 'Rename' }).click();
  const panel = page.locator('details', { has: page.locator('summary', { hasText: renamed }) });
  await expect(panel.locator('summary')).toHaveText(`${renamed} · 2 items`);
  await panel.getByRole('button', { name: `Remove Check nozzle seals from ${renamed}` }).click();
  await expect(panel.locator('summary')).toHaveText(`${renamed} · 1 item`);
  const add = panel.getByRole('form', { name: `Add an item to ${renamed}` });
  await add.getByRole('textbox', { name: 'Item', exact: true }).fill('Wipe down guards');
  await add.getByRole('button', { name: 'Add item' }).click();
  const items = panel.getByRole('region', { name: `Items of ${renamed}` });
  await expect(items.getByRole('listitem')).toHaveText([
    /^Fill pressure \(bar\) · A number/,
    /^Wipe down guards · /,
  ]);

  // In use: the server's answer, plainly.
  await panel.getByRole('button', { name: 'Delete checklist' }).click();
  await panel.getByRole('button', { name: `Yes, delete ${renamed}` }).click();
  await expect(panel.getByRole('alert')).toContainText('used by 1 PM schedule');
  await expect(panel.locator('summary')).toBeVisible();

  // The schedule shows the new name.
  await page.goto('/assets');
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText(renamed);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
});
