import { expect, test } from '@playwright/test';
import { openNav, signIn, uniqueName, ApiSession } from './support/app';
import { env } from './support/env';

// The organization's time zone (issue 12): a New York organization seen from
// a browser in Tokyo. The schedule form is read in New York time and sent as
// UTC, the week grid shows New York times, Settings offers the browser's
// zone, and no label says "(UTC)".

test.use({ timezoneId: 'Asia/Tokyo' });

const NEW_YORK = 'America/New_York';

function newYorkHourMinute(iso: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: NEW_YORK,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

test('a visit scheduled at 3 PM in the form is 3 PM New York time on the board', async ({
  page,
  playwright,
}) => {
  test.skip(!env.newYorkOwner.email, 'run through scripts/web-e2e.sh');
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.newYorkOwner);
  const title = uniqueName('Pump out');
  const wo = await owner.post<{ id: number; number: string }>('/work-orders', { title });

  await signIn(page, env.newYorkOwner);
  await openNav(page, 'Dispatch');
  await page.getByRole('button', { name: 'Next week' }).click();
  const heading = page.getByRole('heading', { name: /Week of \d{4}-\d\d-\d\d/ });
  await expect(heading).toBeVisible();
  const monday = ((await heading.textContent()) ?? '').replace('Week of ', '').trim();
  await expect(page.getByRole('table')).toContainText(`${NEW_YORK} time`);
  await expect(page.getByText('(UTC)')).toHaveCount(0);

  const form = page.getByRole('region', { name: 'Schedule and assign' });
  await form.getByLabel('Work order').selectOption({ label: `${wo.number} ${title} (unplanned)` });
  await form.getByLabel('Technician').selectOption({ label: 'Ned Technician' });
  await form.getByLabel('Date', { exact: true }).fill(monday);
  await form.getByLabel('Start time').fill('15:00');
  await form.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(form.getByText(`${wo.number} is scheduled.`)).toBeVisible();

  // Stored as UTC, 15:00 in New York; shown as 3 PM on Monday's column.
  const saved = await owner.get<{ scheduled_start: string }>(`/work-orders/${wo.id}`);
  expect(newYorkHourMinute(saved.scheduled_start)).toBe('15:00');
  const link = page.getByRole('table').getByRole('link', { name: new RegExp(wo.number) });
  await expect(link).toContainText(/0?3:00\s?PM/);
  await ctx.dispose();
});

test('Settings offers the browser zone when it differs from the organization', async ({ page }) => {
  test.skip(!env.newYorkOwner.email, 'run through scripts/web-e2e.sh');
  await signIn(page, env.newYorkOwner);
  await openNav(page, 'Organization');
  await expect(page.getByLabel('Organization time zone')).toHaveValue(NEW_YORK);
  await expect(page.getByRole('button', { name: 'Use Asia/Tokyo' })).toBeVisible();
});
