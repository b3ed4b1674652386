import { expect, test, type Page } from '@playwright/test';
import { signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { invitationLink } from './support/mail';

// Issue 14 item 4: one person in two organizations. A bookkeeper joins the
// main organization by invitation, then the New York organization invites
// the same address: they accept with the password they already have, and
// move between the two with the Organization picker in the header.

async function invite(page: Page, email: string, role: string) {
  await page.goto('/admin/users');
  await page.getByText('Invite someone').click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
}

test('a person invited by a second organization joins with their password and switches', async ({
  browser,
}) => {
  test.skip(!env.newYorkOwner.email, 'the New York organization is not configured');
  const email = `${uniqueName('books').replace(/\s/g, '').toLowerCase()}@e2e.example`;
  const password = `e2e-books ${uniqueName('Harbor')} 73 quartz`;

  const office = await browser.newContext({ baseURL: env.baseURL });
  const owner = await office.newPage();
  await signIn(owner, env.owner);
  await invite(owner, email, 'dispatcher');

  const phone = await browser.newContext({
    baseURL: env.baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const person = await phone.newPage();
  await person.goto(await invitationLink(email, 1));
  await person.getByLabel('Your name').fill('Bo Keeper');
  await person.getByLabel('Choose a password').fill(password);
  await person.getByRole('button', { name: 'Join and sign in' }).click();
  await expect(person.getByText('Bo Keeper (dispatcher)')).toBeVisible();
  // One organization: its name, no picker.
  await expect(person.getByLabel('Organization')).toHaveCount(0);

  const ny = await office.newPage();
  await ny.context().clearCookies();
  await signIn(ny, env.newYorkOwner);
  await invite(ny, email, 'technician');

  await person.goto(await invitationLink(email, 2));
  await expect(person.getByText(/already signs in to Bulwark/)).toBeVisible();
  await expect(person.getByLabel('Choose a password')).toHaveCount(0);
  await person.getByLabel('Your name').fill('Bo Keeper');
  await person.getByLabel('Your Bulwark password').fill(`${password} typo`);
  await person.getByRole('button', { name: 'Join with my account' }).click();
  await expect(person.getByText(/not the password of your Bulwark account/)).toBeVisible();
  await person.getByLabel('Your Bulwark password').fill(password);
  await person.getByRole('button', { name: 'Join with my account' }).click();

  const picker = person.getByLabel('Organization');
  await expect(picker).toBeVisible();
  await expect(picker.locator('option:checked')).toHaveText('NY Septic Co.');
  await expect(person.getByText('Bo Keeper (technician)')).toBeVisible();

  await picker.selectOption({ label: 'E2E Septic Co.' });
  await expect(person.getByText('Bo Keeper (dispatcher)')).toBeVisible();
  await expect(person.getByLabel('Organization').locator('option:checked')).toHaveText(
    'E2E Septic Co.',
  );
  await phone.close();
  await office.close();
});
