import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// A PM schedule's checklist, estimate and assignee (issue 14 item 7) are
// changed from the Assets page's PM table, and the schedule is paused there.

test('the office gives a PM schedule a checklist and an estimate, then pauses it', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const customer = await owner.post<{ id: number }>('/customers', {
    name: uniqueName('Dairy'),
    phone: '(201) 555-0191',
  });
  const site = await owner.post<{ id: number }>(`/customers/${customer.id}/sites`, {
    name: 'Creamery',
    address: '3 Churn Ln',
  });
  const checklist = uniqueName('Separator service');
  const plan = await owner.post<{ id: number }>('/pm-checklists', { name: checklist });
  await owner.post(`/pm-checklists/${plan.id}/items`, { label: 'Check bowl seals' });
  const title = uniqueName('Separator PM');
  await owner.post('/pm-schedules', {
    site_id: site.id,
    title,
    interval_unit: 'months',
    interval_value: 3,
    first_due_at: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 19) + 'Z',
  });

  await signIn(page, env.owner, '/assets');
  const row = page.getByRole('row').filter({ hasText: title });
  await row.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: `Edit ${title}` });
  await form.getByLabel('Checklist').selectOption({ label: `${checklist} (1 item)` });
  await form.getByLabel('Estimated time (minutes)').fill('90');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText(checklist);
  await expect(row).toContainText('1 h 30 min');
  await row.getByRole('button', { name: 'Edit' }).click();
  await page
    .getByRole('form', { name: `Edit ${title}` })
    .getByRole('button', { name: 'Pause' })
    .click();
  await expect(row).toContainText('Paused');
  await ctx.dispose();
});
