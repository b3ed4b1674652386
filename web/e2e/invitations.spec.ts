import { expect, test } from '@playwright/test';
import { signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { invitationLink } from './support/mail';

// Issue 14 item 4: the owner invites a dispatcher by email; the link is read
// from the test SMTP server (scripts/web-e2e.sh starts it); the invitee opens
// it on a phone, chooses a password, is signed in, and can sign in again.

test('owner invites a dispatcher who accepts by the emailed link on a phone and signs in', async ({
  page,
  browser,
}) => {
  const email = `${uniqueName('dispatch').replace(/\s/g, '').toLowerCase()}@e2e.example`;
  await signIn(page, env.owner, '/admin/users');
  await page.getByText('Invite someone').click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name (optional)').fill('Dee Patcher');
  await page.getByLabel('Role', { exact: true }).selectOption('dispatcher');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(email) });
  await expect(row.getByText('Pending')).toBeVisible();

  const link = await invitationLink(email);
  const phone = await browser.newContext({
    baseURL: env.baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const invitee = await phone.newPage();
  await invitee.goto(link);
  await expect(invitee.getByText('E2E Septic Co.')).toBeVisible();
  await expect(invitee.getByText(email)).toBeVisible();
  const password = `e2e-invitee ${uniqueName('Lantern')} 42 orbit`;
  await invitee.getByLabel('Your name').fill('Dee Patcher');
  await invitee.getByLabel('Choose a password').fill(password);
  await invitee.getByRole('button', { name: 'Join and sign in' }).click();
  // Signed in as the new dispatcher (on a phone the navigation sits behind "Menu").
  await expect(invitee.getByText('Dee Patcher (dispatcher)')).toBeVisible();
  await expect(invitee.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await phone.close();

  // The link worked once; the list shows the invitation accepted.
  await page.reload();
  await expect(
    page.getByRole('row', { name: new RegExp(email) }).getByText('Accepted'),
  ).toBeVisible();
  const again = await browser.newContext({ baseURL: env.baseURL });
  const second = await again.newPage();
  await second.goto(link);
  await expect(second.getByText(/no longer works/)).toBeVisible();
  await signIn(second, { email, password }, '/work-orders');
  await expect(second.getByRole('heading', { name: 'Work orders' })).toBeVisible();
  await again.close();
});
