import { expect, test } from '@playwright/test';
import { ApiSession, openNav, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// Work requests, the rest of issue 14 item 6: on a phone, an operator scans
// an asset's QR label and files a request with a photo (scanned and
// re-encoded by the server); the office sees the photo in the inbox. A plant
// operator with an account (role requester) signs in on a phone, sees only
// "My requests" and "New request", files one on the labelled asset and
// follows it.

// A 2 x 2 PNG, made here: the server re-encodes it and makes a thumbnail.
function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4YWQERAwQCgAjNgSxRnwWMwAAAABJRU5ErkJggg==',
    'base64',
  );
}

const PHONE = { viewport: { width: 390, height: 844 } };

test('an operator files a request with a photo from a QR link; a requester signs in and follows theirs', async ({
  page,
  browser,
  playwright,
}) => {
  test.skip(!env.requester.email, 'scripts/web-e2e.sh makes the requester account');
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const customer = await owner.post<{ id: number }>('/customers', { name: uniqueName('Plant') });
  const site = await owner.post<{ id: number }>(`/customers/${customer.id}/sites`, {
    name: 'Bottling hall',
    address: '2 Works Road',
  });
  const assetName = uniqueName('Filler');
  const asset = await owner.post<{ id: number }>(`/sites/${site.id}/assets`, { name: assetName });
  const link = await owner.post<{ url: string }>(`/assets/${asset.id}/request-link`);
  await ctx.dispose();

  // The QR link on a phone: the form takes a photo.
  const phone = await browser.newContext(PHONE);
  const operator = await phone.newPage();
  // The label's URL is BULWARK_PUBLIC_URL's; the phone opens its /r/{token} here.
  await operator.goto(env.baseURL + link.url.slice(link.url.indexOf('/r/')));
  await expect(operator.getByRole('heading', { name: 'Report a problem' })).toBeVisible();
  const problem = uniqueName('Filler leaks at head 3');
  await operator.getByLabel('What is wrong?').fill(problem);
  await operator.getByLabel('Your name').fill('Sam Shift');
  await operator
    .getByLabel(/Photos/)
    .setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: tinyPng() });
  await expect(operator.getByText('1 photo chosen')).toBeVisible();
  await operator.getByRole('button', { name: 'Send' }).click();
  await expect(operator.getByText(/was sent to the maintenance office/)).toBeVisible();
  await phone.close();

  // The office sees it with its photo.
  await signIn(page, env.dispatcher, '/requests');
  const item = page.getByRole('listitem').filter({ hasText: problem });
  const photo = item.getByRole('img', { name: 'Photo 1' });
  await expect(photo).toBeVisible();
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

  // A requester on a phone: two pages, files on the labelled asset, sees it.
  const theirs = await browser.newContext({ ...PHONE, baseURL: env.baseURL });
  const rq = await theirs.newPage();
  await signIn(rq, env.requester);
  await expect(rq.getByRole('heading', { name: 'My requests' })).toBeVisible();
  const menu = rq.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  const nav = rq.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['My requests', 'New request', 'Account']);
  if (await menu.isVisible()) await menu.click();
  await openNav(rq, 'New request');
  await rq.getByLabel('Where').selectOption({ label: assetName });
  const mine = uniqueName('Conveyor squeals');
  await rq.getByLabel('What is wrong?').fill(mine);
  await rq.getByRole('button', { name: 'Send' }).click();
  await expect(rq.getByRole('heading', { name: 'My requests' })).toBeVisible();
  const filed = rq.getByRole('listitem').filter({ hasText: mine });
  await expect(filed).toContainText(assetName);
  await expect(filed).toContainText('New');
  // Not theirs: the QR request above, and the office's pages.
  await expect(rq.getByText(problem)).toHaveCount(0);
  await rq.goto('/requests');
  await expect(rq.getByRole('alert')).toBeVisible();
  await theirs.close();
});
