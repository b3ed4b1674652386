import { expect, test } from '@playwright/test';
import { openNav, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// OAuth API clients (issue 15 item 3): the owner creates one with a scope
// checkbox and a role ceiling, sees its secret once (and it works at the
// token endpoint), and after leaving the page the secret is gone for good.

test('the owner creates an API client and sees its secret once', async ({ page, playwright }) => {
  const name = uniqueName('Accounting sync');
  await signIn(page, env.owner);
  await openNav(page, 'API clients');
  await expect(page.getByRole('heading', { name: 'API clients', level: 1 })).toBeVisible();
  await page.getByText('Create an API client').click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Purpose').fill('Nightly invoice export');
  await page.getByLabel('Role ceiling').selectOption('viewer');
  await page.getByRole('checkbox', { name: 'work_orders:read' }).check();
  await page.getByRole('button', { name: 'Create API client' }).click();

  const shown = page.getByRole('region', { name: new RegExp(`Copy the secret of`) });
  await expect(shown).toBeVisible();
  const secret = (await shown.locator('output.client-secret').textContent()) ?? '';
  const clientId = (await shown.locator('dd code').textContent()) ?? '';
  expect(secret.length).toBeGreaterThanOrEqual(43);

  // The secret works: a token for the scope that was checked.
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const token = await ctx.post('/oauth/token', {
    form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
  });
  expect(token.status()).toBe(200);
  const granted = (await token.json()) as { scope: string };
  expect(granted.scope).toBe('work_orders:read');

  await shown.getByRole('button', { name: 'I have stored it' }).click();
  await expect(page.getByRole('cell', { name })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('cell', { name })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0); // never shown again
});
