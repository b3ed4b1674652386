import { expect, test } from '@playwright/test';
import { signIn, uniqueName } from './support/app';
import { env } from './support/env';

// The owner's tools: users and roles, ending sessions, the audit log.

test('owner changes the role of a user, ends their sessions and finds it in the audit log', async ({
  page,
}) => {
  // Adding a user is an invitation (invitations.spec.ts); this viewer comes
  // from scripts/web-e2e.sh.
  const email = process.env.E2E_VIEWER_EMAIL ?? 'viewer@e2e.example';
  await signIn(page, env.owner, '/admin/users');

  const role = page.getByLabel(`Role of ${email}`);
  await expect(role).toHaveValue('viewer');
  await role.selectOption('technician');
  // A role change is a step_up route (issue 15 item 1): the owner, without
  // two-step sign-in, confirms with the password, and the change goes through.
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await stepUp.getByLabel('Password').fill(env.owner.password);
  await stepUp.getByRole('button', { name: 'Confirm' }).click();
  await expect(
    page.getByRole('row', { name: new RegExp(email) }).getByText('Saved.'),
  ).toBeVisible();
  await page.getByRole('button', { name: `Revoke sessions of ${email}` }).click();
  await expect(
    page.getByRole('row', { name: new RegExp(email) }).getByText(/session\(s\) ended/),
  ).toBeVisible();
  // You cannot demote or deactivate yourself, so the UI does not offer it.
  await expect(page.getByLabel(`Role of ${env.owner.email}`)).toBeDisabled();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await page.getByLabel('Action').fill('user.role_changed');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('cell', { name: 'user.role_changed' }).first()).toBeVisible();
  await page.getByLabel('Action').fill('auth.login');
  await page.getByLabel('Outcome').selectOption('failure');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'user.role_changed' })).toHaveCount(0);
});

test('assets: add a tank to a site, record meter readings, plan preventive maintenance', async ({
  page,
}) => {
  const customer = uniqueName('Asset Owner');
  await signIn(page, env.owner, '/customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await page.getByLabel('Name').fill(customer);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await page.getByText('Add a site').click();
  await page.getByLabel('Site name').fill('Main house');
  await page.getByLabel('Site address').fill('1 Lift Station Rd');
  await page.getByRole('button', { name: 'Add site' }).click();
  await page.getByText('Add an asset').click();
  await page.getByLabel('Asset name').fill('Lift pump');
  await page.getByLabel('Asset type').fill('Pump');
  await page.getByRole('button', { name: 'Add asset' }).click();
  await page.getByRole('link', { name: 'Lift pump' }).click();

  await expect(page.getByRole('heading', { name: 'Lift pump', level: 1 })).toBeVisible();
  await page.getByLabel('New reading value').fill('120');
  await page.getByRole('button', { name: 'Record reading' }).click();
  await expect(page.getByText(/: 120 hours/)).toBeVisible();
  // Meters only go up: a reading below an earlier-dated one is refused next to the field.
  await page.getByLabel('New reading value').fill('100');
  await page.getByRole('button', { name: 'Record reading' }).click();
  await expect(page.getByLabel('New reading value')).toHaveAccessibleDescription(
    'is below a reading dated before it',
  );

  await page.getByText('New schedule for this asset').click();
  await page.getByLabel('Schedule title').fill('Service lift pump');
  await page.getByLabel('Repeat by').selectOption('meter');
  await page.getByLabel('Every (meter units)').fill('500');
  await page.getByLabel('First due at meter value').fill('600');
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByRole('cell', { name: 'Service lift pump' })).toBeVisible();
  await page.goto('/assets');
  await expect(page.getByRole('cell', { name: 'Service lift pump' }).first()).toBeVisible();
});
