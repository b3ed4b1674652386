import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { textFromCustomer } from './support/twilio';

// SMS consent belongs to the phone number, and a customer's STOP always
// wins: the customer page, the SMS thread and the customer form say who
// opted the number out and when, and the office cannot untick a STOP (only
// the customer can, by replying START; the server answers 409
// opted_out_by_customer).

interface Customer {
  id: number;
  name: string;
  phone: string;
  version: number;
  sms_opt_out: boolean;
  sms_consent: { state: string; source: string; changed_at: number } | null;
}

const randomPhone = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

test('a number that texted STOP: the customer page and the thread say only the customer can start texts again; the form cannot untick it', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const customer = await owner.post<Customer>('/customers', {
    name: uniqueName('Stopped Stan'),
    phone: randomPhone(),
  });
  expect(customer.sms_consent).toBeNull();
  await textFromCustomer(ctx, customer.phone, 'STOP');
  const after = await owner.get<Customer>(`/customers/${customer.id}`);
  expect(after.sms_consent).toMatchObject({ state: 'opted_out', source: 'customer_sms' });
  await ctx.dispose();

  await signIn(page, env.dispatcher, `/customers/${customer.id}`);
  const stopped =
    /^Texted STOP on .+: only the customer can start texts again by replying START\.$/;
  const contact = page.getByRole('region', { name: 'Contact' });
  await expect(contact.getByText('Opted out of SMS')).toBeVisible();
  await expect(contact.getByText(stopped)).toBeVisible();
  const thread = page.getByRole('region', { name: 'Text messages' });
  await expect(
    thread.getByText(
      /^Texted STOP on .+: only the customer can start texts again by replying START\. Sending is turned off\.$/,
    ),
  ).toBeVisible();
  await expect(thread.getByRole('button', { name: 'Send message' })).toBeDisabled();
  // The STOP itself is in the conversation.
  await expect(thread.getByText('STOP', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Edit customer' }).click();
  const box = page.getByLabel('Opted out of SMS');
  await expect(box).toBeChecked();
  await expect(box).toBeDisabled();
  await expect(box).toHaveAccessibleDescription(stopped);
});

test('an office opt-out says so and can be cleared; unticking it onto a number that texted STOP shows the 409 under the box', async ({
  page,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const stopper = await owner.post<Customer>('/customers', {
    name: uniqueName('Stopper Sue'),
    phone: randomPhone(),
  });
  await textFromCustomer(ctx, stopper.phone, 'STOP');
  const customer = await owner.post<Customer>('/customers', {
    name: uniqueName('Office Olga'),
    phone: randomPhone(),
  });
  await ctx.dispose();

  await signIn(page, env.dispatcher, `/customers/${customer.id}`);
  const contact = page.getByRole('region', { name: 'Contact' });
  await expect(contact.getByText('SMS allowed')).toBeVisible();
  // The office opts the number out (the customer asked on the phone).
  await page.getByRole('button', { name: 'Edit customer' }).click();
  await page.getByLabel('Opted out of SMS').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    contact.getByText(
      /^The office opted this number out of texts on .+\. Edit the customer to allow texts again once they agree\.$/,
    ),
  ).toBeVisible();
  const thread = page.getByRole('region', { name: 'Text messages' });
  await expect(
    thread.getByText(/^The office opted this number out of texts on .+ Sending is turned off\.$/),
  ).toBeVisible();
  await expect(thread.getByRole('button', { name: 'Send message' })).toBeDisabled();

  // Unticking it while giving the record a number that texted STOP: refused, and said so.
  await page.getByRole('button', { name: 'Edit customer' }).click();
  const box = page.getByLabel('Opted out of SMS');
  await expect(box).toBeEnabled();
  await page.getByLabel('Phone').fill(stopper.phone);
  await box.uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This number texted STOP: only the customer can start texts again by replying START. Keep “Opted out of SMS” ticked to save.',
  );
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(
    /This number texted STOP: only the customer can start texts again by replying START\./,
  );

  // The office may clear its own opt-out.
  await page.getByLabel('Phone').fill(customer.phone);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(contact.getByText('SMS allowed')).toBeVisible();
  await expect(contact.getByText(/^The office allowed texts again on .+\.$/)).toBeVisible();
  await expect(thread.getByLabel('Message', { exact: true })).toBeEnabled();
});
