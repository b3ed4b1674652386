import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { rfc3339 } from './support/time';

// Draft invoice editing, a payment recorded by hand and receivables (issue 14
// item 2), on a phone-sized screen: the office adds a line to a draft, opens
// it, records a partial cash payment, sees the balance and the receivables row.

test('edit a draft, open it, record a partial payment, see the balance and the receivables row', async ({
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const customerName = uniqueName('Cora Tank');
  const customer = await owner.post<{ id: number }>('/customers', {
    name: customerName,
    phone: '(555) 201-0199',
  });
  const wo = await owner.post<{ id: number; version: number }>('/work-orders', {
    title: uniqueName('Pump-out'),
    customer_id: customer.id,
    scheduled_start: rfc3339(new Date(Date.now() + 86_400_000)),
  });
  let current = await owner.get<{ version: number; status: string }>(`/work-orders/${wo.id}`);
  for (const to of current.status === 'scheduled'
    ? ['in_progress', 'completed']
    : ['scheduled', 'in_progress', 'completed']) {
    current = await owner.post(`/work-orders/${wo.id}/transition`, {
      to,
      version: current.version,
    });
  }
  const invoice = await owner.post<{ id: number; number: string }>(`/work-orders/${wo.id}/invoice`);
  await ctx.dispose();

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  await signIn(page, env.owner, `/invoices/${invoice.id}`);
  const add = page.getByRole('form', { name: 'Add a line' });
  await add.getByLabel('Description').fill('Pump-out, 1,000 gal');
  await add.getByLabel('Quantity').fill('1');
  await add.getByLabel('Unit price ($)').fill('325.00');
  await add.getByRole('button', { name: 'Add line' }).click();
  await expect(page.getByText('Pump-out, 1,000 gal —')).toBeVisible();

  const fields = page.getByRole('form', { name: 'Discount, notes, terms and due date' });
  await fields.getByLabel('Discount', { exact: true }).fill('25.00');
  await fields.getByLabel('Terms').fill('Net 30');
  await fields.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('−$25.00')).toBeVisible();

  await page.getByRole('button', { name: /Send \(mark open\)/ }).click();
  await expect(page.getByRole('button', { name: 'Record payment' })).toBeVisible();
  await page.getByRole('button', { name: 'Record payment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record payment' });
  await dialog.getByLabel('Amount ($)').fill('100.00');
  await dialog.getByRole('button', { name: 'Save payment' }).click();
  await expect(page.getByText('$200.00').first()).toBeVisible(); // 325 - 25 - 100
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);

  await page.goto('/receivables');
  const row = page.getByRole('row', { name: new RegExp(invoice.number) });
  await expect(row).toContainText(customerName);
  await expect(row).toContainText('$200.00');

  // The bookkeeper's spreadsheet: the link downloads the same row as CSV.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^receivables-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf-8');
  expect(csv).toContain(`${invoice.number},${customerName},`);
  expect(csv).toContain(',300.00,100.00,200.00\r\n');

  // The invoice's PDF is one click away on its page.
  await page.goto(`/invoices/${invoice.id}`);
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^invoice-\d+\.pdf$/);
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  await context.close();
});
