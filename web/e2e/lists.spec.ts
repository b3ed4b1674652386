import { expect, test, type PlaywrightWorkerArgs } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// Lists that show what needs attention (issue 12 item 7): the dashboard's
// Overdue card opens the filtered list, headers sort it (aria-sort says how),
// each role lands on its own home, and a technician's phone shows cards,
// upcoming first.

interface Wo {
  id: number;
  number: string;
}

const hoursFromNow = (h: number) =>
  new Date(Date.now() + h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function ownerApi(playwright: PlaywrightWorkerArgs['playwright']) {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  return { ctx, api: await ApiSession.login(ctx, env.owner) };
}

test('the dashboard Overdue card opens the list filtered to overdue work', async ({
  page,
  playwright,
}) => {
  const { ctx, api } = await ownerApi(playwright);
  const tag = uniqueName('late').replace(/\s/g, '');
  const late = await api.post<Wo>('/work-orders', {
    title: `Late ${tag}`,
    due_at: hoursFromNow(-3),
  });
  await api.post<Wo>('/work-orders', { title: `Later ${tag}`, due_at: hoursFromNow(48) });
  await ctx.dispose();

  await signIn(page, env.owner);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole('link', { name: /Overdue/ }).click();
  await expect(page).toHaveURL(/\/work-orders\?.*overdue=true/);
  await expect(page.getByLabel('Overdue only')).toBeChecked();
  await page.getByLabel('Search').fill(tag);
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(late.number);
  // Overdue in words, not only in colour.
  await expect(rows.first().getByText('Overdue')).toBeVisible();
});

test('the dashboard Open card opens the work still to be done', async ({ page, playwright }) => {
  const { ctx, api } = await ownerApi(playwright);
  const tag = uniqueName('open').replace(/\s/g, '');
  const open = await api.post<Wo & { version: number }>('/work-orders', { title: `Open ${tag}` });
  const gone = await api.post<Wo & { version: number }>('/work-orders', {
    title: `Cancelled ${tag}`,
  });
  await api.post(`/work-orders/${gone.id}/transition`, { to: 'cancelled', version: gone.version });
  await ctx.dispose();

  await signIn(page, env.owner);
  await page.getByRole('link', { name: /Open work orders/ }).click();
  await expect(page).toHaveURL(/\/work-orders\?.*status=active/);
  await expect(page.getByLabel('Status')).toHaveValue('active');
  await page.getByLabel('Search').fill(tag);
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(open.number);
});

test('a column header sorts the list both ways and says so with aria-sort', async ({
  page,
  playwright,
}) => {
  const { ctx, api } = await ownerApi(playwright);
  const tag = uniqueName('srt').replace(/\s/g, '');
  for (const priority of ['medium', 'urgent', 'low'])
    await api.post<Wo>('/work-orders', { title: `${priority} ${tag}`, priority });
  await ctx.dispose();

  await signIn(page, env.owner, `/work-orders?q=${tag}`);
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  const header = page.getByRole('columnheader', { name: /Priority/ });
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=priority&order=desc/);
  await expect(rows.first()).toContainText(`urgent ${tag}`);
  await expect(rows.last()).toContainText(`low ${tag}`);
  await header.getByRole('button').press('Enter'); // the keyboard sorts too
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toContainText(`low ${tag}`);
  // The sort is in the URL: a reload keeps it.
  await page.reload();
  await expect(page.getByRole('columnheader', { name: /Priority/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
});

for (const [role, account, home, heading] of [
  ['owner', env.owner, '/dashboard', 'Dashboard'],
  ['dispatcher', env.dispatcher, '/dispatch', 'Dispatch'],
  ['technician', env.technician, '/my-day', 'My day'],
] as const) {
  test(`${role === 'owner' ? 'an' : 'a'} ${role} lands on their own home after sign-in and at /`, async ({
    page,
  }) => {
    await signIn(page, account);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(heading) })).toBeVisible();
    await page.goto('/work-orders');
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`${home}$`));
  });
}

test.describe('a technician on a 390-px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('sees the work orders as cards, upcoming first', async ({ page, playwright }) => {
    const { ctx, api } = await ownerApi(playwright);
    const users = await api.get<{ items: { id: number; email: string }[] }>('/users?limit=100');
    const tech = users.items.find((u) => u.email === env.technician.email)!;
    const tag = uniqueName('crd').replace(/\s/g, '');
    const later = await api.post<Wo>('/work-orders', {
      title: `Later ${tag}`,
      assignee_id: tech.id,
      scheduled_start: hoursFromNow(50),
      scheduled_end: hoursFromNow(51),
    });
    const sooner = await api.post<Wo>('/work-orders', {
      title: `Sooner ${tag}`,
      assignee_id: tech.id,
      scheduled_start: hoursFromNow(26),
      scheduled_end: hoursFromNow(27),
      due_at: hoursFromNow(-1),
    });
    await ctx.dispose();

    await signIn(page, env.technician, `/work-orders?q=${tag}`);
    const cards = page.getByRole('list', { name: 'Work orders' }).getByRole('listitem');
    await expect(cards).toHaveCount(2);
    await expect(page.locator('table')).toHaveCount(0);
    await expect(cards.first()).toContainText(`${sooner.number} · Sooner ${tag}`);
    await expect(cards.first()).toContainText('Overdue');
    await expect(cards.last()).toContainText(later.number);
    // The search stays in sight; the other filters fold under "Filters".
    await expect(page.getByLabel('Status')).toBeHidden();
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Overdue only').check();
    await expect(cards).toHaveCount(1);
    await page.getByLabel('Overdue only').uncheck();
    await expect(cards).toHaveCount(2);
    const box = await cards.first().getByRole('link').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeLessThanOrEqual(390);
    await cards.first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/work-orders/${sooner.id}$`));
  });
});
