import { expect, test, type Browser } from '@playwright/test';
import { ApiSession, openNav, signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { rfc3339 } from './support/time';

// The price book (issue 14 item 1): the owner keeps it under settings; a
// technician on a phone adds a line item by name and quantity in its unit
// (no prices shown); the invoice bills the book's price, not the minutes.

interface Line {
  description: string;
  quantity: number;
  amount_cents: number;
}

test('the owner prices disposal per gallon; a technician picks it on a phone; the invoice bills it', async ({
  browser,
  page,
  playwright,
}) => {
  const name = uniqueName('Disposal fee');
  await signIn(page, env.owner);
  await openNav(page, 'Price book');
  await expect(page.getByRole('heading', { name: 'Price book', level: 1 })).toBeVisible();
  const add = page.getByRole('form', { name: 'Add an item' });
  await add.getByLabel('Name').fill(name);
  await add.getByLabel('Unit').selectOption('gallon');
  await add.getByLabel('Price ($)').fill('0.12');
  await add.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByText(`${name} · $0.12 per gallon`)).toBeVisible();

  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const users = await owner.get<{ items: { id: number; email: string }[] }>('/users?limit=200');
  const tech = users.items.find((u) => u.email === env.technician.email)!;
  const wo = await owner.post<{ id: number; version: number }>('/work-orders', {
    title: uniqueName('Pump 1,000-gal tank'),
    assignee_id: tech.id,
    scheduled_start: rfc3339(new Date(Date.now() + 86_400_000)),
  });

  const phone = await phonePage(browser);
  await signIn(phone, env.technician, `/work-orders/${wo.id}`);
  const parts = phone.getByRole('region', { name: 'Parts' });
  await parts.getByLabel('Search the price book').fill(name.slice(0, 20));
  await parts.getByRole('button', { name: new RegExp(name) }).click();
  await expect(parts.getByText('$0.12')).toHaveCount(0); // technicians see no prices
  await parts.getByLabel('Quantity (gallons)').fill('1050.5');
  await parts.getByRole('button', { name: `Add ${name}` }).click();
  await expect(parts.getByText(`1050.5 gallons × ${name}`)).toBeVisible();
  expect(
    await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await phone.context().close();

  let current = await owner.get<{ version: number }>(`/work-orders/${wo.id}`);
  for (const to of ['in_progress', 'completed']) {
    current = await owner.post(`/work-orders/${wo.id}/transition`, {
      to,
      version: current.version,
    });
  }
  const invoice = await owner.post<{ lines: Line[]; total_cents: number }>(
    `/work-orders/${wo.id}/invoice`,
  );
  expect(invoice.lines).toEqual([
    expect.objectContaining({ description: name, quantity: 1050.5, amount_cents: 12606 }),
  ]);
  expect(invoice.total_cents).toBe(12606);
  await ctx.dispose();
});

async function phonePage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    timezoneId: 'UTC',
  });
  return context.newPage();
}
