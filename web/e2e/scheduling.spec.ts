import { expect, test, type APIRequestContext } from '@playwright/test';
import { ApiSession, openNav, signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { hoursAgo, rfc3339, utcDate } from './support/time';

// Visits are never (re)scheduled into the past: the server refuses a start
// more than 15 minutes ago (400 scheduled_in_the_past) and the forms show it
// under the field. Work already done is recorded with "Text the customer
// about this visit" unticked, which texts nobody. A newer confirmation
// withdraws the older one (status superseded, never sent).

interface Wo {
  id: number;
  number: string;
  title: string;
  version: number;
  status: string;
  notify_customer: boolean;
}
interface Msg {
  id: number;
  kind: string;
  status: string;
  last_error: string | null;
}

async function setUp(request: APIRequestContext, prefix: string) {
  const owner = await ApiSession.login(request, env.owner);
  const users = await owner.get<{ items: { id: number; email: string }[] }>('/users?limit=200');
  const tech = users.items.find((u) => u.email === env.technician.email)!;
  const suffix = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  const customer = await owner.post<{ id: number; name: string }>('/customers', {
    name: uniqueName(prefix),
    phone: `+1555${suffix}`,
  });
  return { owner, tech, customer };
}

test('dispatch proposes a start still to come and shows the refusal of a past one under the date', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const { owner, customer } = await setUp(ctx, 'Past Pat');
  // Due soon, so it is near the top of the unplanned list whatever else the run created.
  const title = uniqueName('Locate buried lid');
  const wo = await owner.post<Wo>('/work-orders', {
    title,
    customer_id: customer.id,
    due_at: rfc3339(new Date(Date.now() - 365 * 86_400_000)),
  });
  await ctx.dispose();

  await signIn(page, env.dispatcher);
  await openNav(page, 'Dispatch');
  const form = page.getByRole('region', { name: 'Schedule and assign' });
  const date = form.getByLabel('Date (UTC)');
  const time = form.getByLabel('Start time (UTC)');
  const proposed = Date.parse(`${await date.inputValue()}T${await time.inputValue()}:00Z`);
  expect(proposed).toBeGreaterThan(Date.now());
  expect(await time.inputValue()).toMatch(/^\d\d:00$/);

  await form.getByLabel('Work order').selectOption({ label: `${wo.number} ${title} (unplanned)` });
  await form.getByLabel('Technician').selectOption({ label: 'Theo Technician' });
  await date.fill(utcDate(new Date(Date.now() - 86_400_000)));
  await time.fill('09:00');
  await form.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(
    /This start is in the past\. Choose a time from now on\. Times are UTC\./,
  );
  await expect(form.getByRole('alert')).toHaveText('Please correct the highlighted fields.');
  await expect(form.getByText(`${wo.number} is scheduled.`)).toHaveCount(0);

  // Nothing changed on the server.
  const ctx2 = await playwright.request.newContext({ baseURL: env.baseURL });
  const after = await (
    await ApiSession.login(ctx2, env.owner)
  ).get<Wo & { scheduled_start: string | null; assignee_id: number | null }>(
    `/work-orders/${wo.id}`,
  );
  expect(after.scheduled_start).toBeNull();
  expect(after.assignee_id).toBeNull();
  await ctx2.dispose();
});

test('new work order: a past start is refused under the field; unticking "Text the customer" records work already done without texts', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const { customer } = await setUp(ctx, 'Done Dora');

  await signIn(page, env.dispatcher, `/work-orders/new?customer_id=${customer.id}`);
  const title = uniqueName('Emergency pump-out last night');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Assignee').selectOption({ label: 'Theo Technician' });
  const notify = page.getByLabel('Text the customer about this visit');
  await expect(notify).toBeChecked();
  const start = page.getByLabel('Scheduled start');
  await expect(start).toHaveValue('');
  // The browser runs in UTC (playwright.config.ts), so local input = UTC.
  const past = hoursAgo(3);
  await start.fill(rfc3339(past).slice(0, 16));
  await page.getByRole('button', { name: 'Create work order' }).click();
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(start).toHaveAccessibleDescription(
    /This start is in the past\. Choose a time from now on\. To record work already done, untick “Text the customer about this visit”\./,
  );
  await expect(page).toHaveURL(/\/work-orders\/new/);

  await notify.uncheck();
  await expect(notify).toHaveAccessibleDescription(
    /Recording work already done: no texts are sent, and the start may be in the past\./,
  );
  await page.getByRole('button', { name: 'Create work order' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  const summary = page.getByRole('region', { name: 'Details' });
  await expect(summary.getByText('Off: work recorded without texting the customer')).toBeVisible();
  const id = Number(page.url().match(/\/work-orders\/(\d+)$/)![1]);

  const owner = await ApiSession.login(ctx, env.owner);
  const wo = await owner.get<Wo & { scheduled_start: string }>(`/work-orders/${id}`);
  expect(wo.notify_customer).toBe(false);
  expect(wo.status).toBe('scheduled');
  expect(Date.parse(wo.scheduled_start)).toBe(past.getTime());
  // Scheduled with a technician, yet no confirmation for the customer.
  const texts = await owner.get<{ items: Msg[] }>(`/customers/${customer.id}/messages`);
  expect(texts.items).toHaveLength(0);

  // The dispatcher can turn texts on again from the work order, and off.
  await summary.getByRole('button', { name: 'Text the customer about this visit' }).click();
  await expect(summary.getByText('On: the customer is texted about this visit')).toBeVisible();
  expect((await owner.get<Wo>(`/work-orders/${id}`)).notify_customer).toBe(true);
  await summary.getByRole('button', { name: 'Stop texting the customer' }).click();
  await expect(summary.getByText('Off: work recorded without texting the customer')).toBeVisible();
  expect((await owner.get<Wo>(`/work-orders/${id}`)).notify_customer).toBe(false);
  await ctx.dispose();
});

test('a rescheduled visit withdraws its first confirmation: the outbox filters "Withdrawn (superseded)" and says why', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const { owner, tech, customer } = await setUp(ctx, 'Moved Mo');
  const day = 86_400_000;
  const first = new Date(Math.ceil(Date.now() / day) * day + 2 * day + 9 * 3_600_000);
  const wo = await owner.post<Wo>('/work-orders', {
    title: uniqueName('Riser inspection'),
    customer_id: customer.id,
    assignee_id: tech.id,
    scheduled_start: rfc3339(first),
  });
  expect(wo.status).toBe('scheduled');
  await owner.patch(`/work-orders/${wo.id}`, {
    scheduled_start: rfc3339(new Date(first.getTime() + day)),
    version: wo.version,
  });
  const texts = (
    await owner.get<{ items: Msg[] }>(`/customers/${customer.id}/messages`)
  ).items.filter((m) => m.kind === 'confirmation');
  expect(texts.map((m) => m.status).sort()).toEqual(['queued', 'superseded']);
  await ctx.dispose();

  await signIn(page, env.dispatcher, '/messages');
  const status = page.getByLabel('Status');
  await expect(status.getByRole('option', { name: 'Withdrawn (superseded)' })).toHaveCount(1);
  await status.selectOption({ label: 'Withdrawn (superseded)' });
  await expect(page).toHaveURL(/status=superseded/);
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: /\(555\) / }) })
    .filter({ hasText: 'a newer confirmation replaced it' });
  await expect(row.first()).toBeVisible();
  await expect(row.first().getByText('Withdrawn (superseded)')).toBeVisible();
  await expect(page.getByRole('cell').getByText('Queued', { exact: true })).toHaveCount(0);

  // The conversation shows both: the withdrawn one never went out.
  await page.goto(`/customers/${customer.id}`);
  const thread = page.getByRole('region', { name: 'Text messages' });
  await expect(thread.getByText('Withdrawn (superseded)')).toHaveCount(1);
  await expect(
    thread.getByText('Withdrawn, never sent: a newer confirmation replaced it.'),
  ).toBeVisible();
});
