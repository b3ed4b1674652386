import { expect, test } from '@playwright/test';
import { signIn } from './support/app';
import { env } from './support/env';

// Sign-in messages, validation errors next to their fields, keyboard use.

test('a failed sign-in shows one generic message, whatever was wrong', async ({ page }) => {
  await page.goto('/login');
  for (const email of ['nobody@e2e.example', env.technician.email]) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('The email or password is incorrect.');
    await expect(page.getByLabel('Password')).toHaveValue('');
  }
});

test('too many sign-in attempts (429) show when to try again, from Retry-After (server answer simulated)', async ({
  page,
}) => {
  await page.route('**/api/v1/auth/login', (route) =>
    route.fulfill({
      status: 429,
      headers: { 'Retry-After': '120' },
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'rate_limited',
          message: 'too many failed logins from this address; try later',
          request_id: 'test',
        },
      }),
    }),
  );
  await page.goto('/login');
  await page.getByLabel('Email').fill('someone@e2e.example');
  await page.getByLabel('Password').fill('whatever it is');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Too many sign-in attempts. Please try again in 2 minutes.',
  );
});

test('MUST-NOT-005 validation errors from the server (the form does not pre-validate) appear next to their fields', async ({
  page,
}) => {
  await signIn(page, env.owner, '/customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await page.getByLabel('Name').fill('Validation Test');
  await page.getByLabel('Phone').fill('call me maybe');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Phone')).toHaveAccessibleDescription(/must be a phone number/);
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
    'is not a valid email address',
  );
  await expect(page.getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveText('Please correct the highlighted fields.');
});

test('changing the password with a wrong current password marks that field', async ({ page }) => {
  await signIn(page, env.dispatcher, '/account');
  await page.getByLabel('Current password').fill('definitely wrong');
  await page.getByLabel('New password', { exact: true }).fill('another long Passphrase 77 walrus');
  await page.getByLabel('Repeat new password').fill('another long Passphrase 77 walrus');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription('is incorrect');
});

test('the app works from the keyboard with a visible focus outline', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').focus();
  await page.keyboard.type(env.owner.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.type(env.owner.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // The first Tab reaches the skip link, which jumps to the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
