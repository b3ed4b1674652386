import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// Work requests (issue 14 item 6): the office makes an asset's QR label and
// prints it; an operator scans it on a phone (no sign-in: only the asset's
// name and a form), files a problem, and the office approves it in the
// Requests inbox into a work order on that asset.

test('an operator scans an asset label on a phone and files a request the office approves', async ({
  page,
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const customer = await owner.post<{ id: number }>('/customers', { name: uniqueName('Plant') });
  const site = await owner.post<{ id: number }>(`/customers/${customer.id}/sites`, {
    name: 'North plant',
    address: '1 Works Road',
    gate_code: '5150',
  });
  const assetName = uniqueName('Lift pump');
  const asset = await owner.post<{ id: number }>(`/sites/${site.id}/assets`, { name: assetName });
  await ctx.dispose();

  // The office makes the label and sees it printable with its QR code.
  await signIn(page, env.dispatcher, `/assets/${asset.id}`);
  const panel = page.getByRole('region', { name: 'Problem reports (QR label)' });
  await panel.getByRole('button', { name: 'Make a QR label' }).click();
  await panel.getByRole('link', { name: 'Print the label' }).click();
  await expect(page.getByText('Scan to report a problem')).toBeVisible();
  const qr = page.getByRole('img', { name: /QR code of/ });
  await expect(qr).toBeVisible();
  const alt = (await qr.getAttribute('alt')) ?? '';
  const url = alt.replace('QR code of ', '');
  expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // The operator's phone: no sign-in, no navigation, the asset's name only.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const operator = await phone.newPage();
  const violations: string[] = [];
  operator.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  await operator.goto(url);
  await expect(operator.getByRole('heading', { name: 'Report a problem' })).toBeVisible();
  await expect(operator.getByText(assetName)).toBeVisible();
  await expect(operator.getByRole('navigation')).toHaveCount(0);
  await expect(operator.getByText('5150')).toHaveCount(0);
  await expect(operator.getByText('North plant')).toHaveCount(0);
  const problem = uniqueName('Oil under the seal');
  await operator.getByLabel('What is wrong?').fill(problem);
  await operator.getByLabel('Your name').fill('Pat Operator');
  await operator.getByLabel('Your phone (optional)').fill('(555) 301-0199');
  await operator.getByRole('button', { name: 'Send' }).click();
  await expect(operator.getByText(/was sent to the maintenance office/)).toBeVisible();
  expect(await operator.locator('[style]').count()).toBe(0);
  expect(violations).toEqual([]);
  await phone.close();

  // The office approves it: a work order on the asset.
  await page.goto('/requests');
  const item = page.getByRole('listitem').filter({ hasText: problem });
  await expect(item).toContainText(assetName);
  await expect(item).toContainText('Pat Operator');
  await item.getByRole('button', { name: 'Approve' }).click();
  await page.getByLabel('Show').selectOption('approved');
  const approved = page.getByRole('listitem').filter({ hasText: problem });
  await approved.getByRole('link', { name: /^WO-/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(problem);
});
