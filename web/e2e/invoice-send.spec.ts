import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// Sending an invoice (issue 14 item 2): the "Send" dialog on the invoice page
// shows where the email and the text go, sends, and says what was queued;
// the draft becomes open. The owner edits the invoice email in org settings.

interface Wo {
  id: number;
  version: number;
}

test('the office sends an invoice by email from the invoice page', async ({ page, playwright }) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const email = `${uniqueName('bill')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}@customer.example`;
  const customer = await owner.post<{ id: number }>('/customers', {
    name: uniqueName('Send Sam'),
    email,
  });
  let wo = await owner.post<Wo>('/work-orders', {
    title: uniqueName('Pump-out'),
    customer_id: customer.id,
    notify_customer: false,
  });
  for (const to of ['scheduled', 'in_progress', 'completed'])
    wo = await owner.post<Wo>(`/work-orders/${wo.id}/transition`, { to, version: wo.version });
  const inv = await owner.post<{ id: number }>(`/work-orders/${wo.id}/invoice`, {});
  await ctx.dispose();

  await signIn(page, env.owner, `/invoices/${inv.id}`);
  const panel = page.getByRole('region', { name: 'Send to the customer' });
  await panel.getByRole('button', { name: 'Send…' }).click();
  await expect(panel.getByText(`Email the invoice PDF and the link to ${email}`)).toBeVisible();
  await expect(panel.getByText('Text the link to no phone number on file')).toBeVisible();
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText('The email is on its way.');
  await expect(page.getByRole('heading', { name: /Invoice INV-\d+/ })).toContainText(/open/i);

  await page.goto('/admin/organization');
  const editor = page.getByRole('region', { name: 'Invoice email' });
  await expect(editor.getByLabel('Subject')).toHaveValue('{org_name}: invoice {invoice_number}');
});
