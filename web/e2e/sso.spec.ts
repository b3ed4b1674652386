import { expect, test } from '@playwright/test';
import { signIn } from './support/app';
import { env } from './support/env';

// Issue 15 item 4: single sign-on through a real OpenID provider
// (npm oidc-provider on loopback, scripts/oidc-test-provider.sh). The owner
// configures the provider in Settings; a member whose email is on the
// organization's verified domain signs in with "Sign in with SSO": the
// provider's own login page, then back to Bulwark, which lands signed in.
// The provider's certificate comes from a CA the script made, which the
// server trusts (BULWARK_OUTBOUND_CA_FILE) and Chromium does not: this spec
// ignores HTTPS errors for its pages (the provider's only; Bulwark's test
// server is plain HTTP on loopback).

test('a member signs in through the organization provider', async ({ browser }) => {
  test.skip(!env.sso.baseURL, 'the SSO server is not configured');
  const office = await browser.newContext({ baseURL: env.sso.baseURL });
  const owner = await office.newPage();
  await signIn(owner, env.sso.owner);
  await owner.goto('/admin/organization');
  const panel = owner.getByRole('region', { name: 'Single sign-on' });
  await panel.getByLabel('Issuer URL').fill(env.sso.issuer);
  await panel.getByLabel('Client ID').fill(env.sso.clientId);
  await panel.getByLabel('Client secret').fill(env.sso.clientSecret);
  await panel.getByRole('button', { name: 'Save single sign-on' }).click();
  // The provider is a step_up setting (issue 15 item 1): the owner's password confirms it.
  const stepUp = owner.getByRole('dialog', { name: 'Confirm it is you' });
  await stepUp.getByLabel('Password').fill(env.sso.owner.password);
  await stepUp.getByRole('button', { name: 'Confirm' }).click();
  await expect(panel.getByText('Single sign-on settings saved.')).toBeVisible();
  await expect(panel.getByText('A secret is saved. Leave empty to keep it.')).toBeVisible();

  const phone = await browser.newContext({ baseURL: env.sso.baseURL, ignoreHTTPSErrors: true });
  const person = await phone.newPage();
  await person.goto('/');
  await person.getByLabel('Email').fill(env.sso.memberEmail);
  await person.getByRole('button', { name: 'Sign in with SSO' }).click();
  // The provider's development login form (any password).
  await expect(person).toHaveURL(new RegExp(`^${env.sso.issuer}/interaction/`));
  await person.locator('input[name="password"]').fill('any password');
  await person.getByRole('button', { name: 'Sign-in' }).click();
  await expect(person.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(new URL(person.url()).origin).toBe(new URL(env.sso.baseURL).origin);
  // No token in any URL, and the session cookie is ours, Strict and HttpOnly.
  expect(person.url()).not.toContain('code=');
  const cookies = await phone.cookies();
  const session = cookies.find((c) => c.name === '__Host-session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Strict');
  await office.close();
  await phone.close();
});
