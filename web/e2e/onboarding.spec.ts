import { expect, test } from '@playwright/test';
import { signIn } from './support/app';
import { env } from './support/env';

// The owner's first-run checklist (issue 14 item 9) on a phone: a new
// organization in New York sees "Get set up" on the dashboard, its time zone
// step already done, and each open step is a link to the page that does it.

test.use({ viewport: { width: 390, height: 844 } });

test('a new owner sees what is left to set up and where to do it', async ({ page }) => {
  test.skip(!env.newYorkOwner.email, 'run through scripts/web-e2e.sh');
  await signIn(page, env.newYorkOwner);
  await page.goto('/dashboard');
  const card = page.getByRole('region', { name: /Get set up: \d of 7 done/ });
  await expect(card).toBeVisible();
  const steps = card.getByRole('listitem');
  await expect(steps).toHaveCount(7);
  const zone = steps.filter({ hasText: 'Set your time zone' });
  await expect(zone).toContainText('(done)');
  await expect(zone).toContainText('America/New_York');
  // Texting is the operator's part here: the owner is told who to ask, in plain words.
  await expect(steps.filter({ hasText: 'Text your customers' })).not.toContainText('BULWARK_');

  // Rows a thumb can hit.
  const row = await steps.filter({ hasText: 'Add your services and prices' }).boundingBox();
  expect(row?.height ?? 0).toBeGreaterThanOrEqual(44);
  const prices = card.getByRole('link', { name: 'Add your services and prices' });
  await prices.click();
  await expect(page).toHaveURL(/\/admin\/price-book$/);
  await expect(page.getByRole('heading', { name: 'Price book', level: 1 })).toBeVisible();
});
