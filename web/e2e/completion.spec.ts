import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';

// Completion that a county inspector would accept (issue 12 item 5), on a
// 390-px phone: the technician enters the gallons pumped and a pass/fail
// result with a thumb, completion is refused while the customer's signature
// (a required item) is missing, the customer signs on the screen (canvas ->
// PNG through the scanned attachment pipeline), and completion is accepted;
// the record's hash is in the audit chain and still matches.

type Wo = { id: number; version: number; status: string };

test('a technician fills typed items, takes a signature, and completes', async ({
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const users = await owner.get<{ items: { id: number; email: string }[] }>('/users?limit=200');
  const tech = users.items.find((u) => u.email === env.technician.email)!;
  let wo = await owner.post<Wo>('/work-orders', {
    title: uniqueName('Pump-out'),
    assignee_id: tech.id,
  });
  const base = `/work-orders/${wo.id}`;
  await owner.post(`${base}/checklist`, {
    label: 'Gallons pumped',
    kind: 'number',
    unit: 'gal',
    required: true,
  });
  await owner.post(`${base}/checklist`, { label: 'Outlet baffle', kind: 'pass_fail' });
  await owner.post(`${base}/checklist`, {
    label: 'Customer signature',
    kind: 'signature',
    required: true,
  });
  for (const to of ['scheduled', 'in_progress']) {
    wo = await owner.post<Wo>(`${base}/transition`, { to, version: wo.version });
  }

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await context.newPage();
  await signIn(phone, env.technician, `/work-orders/${wo.id}`);
  const checklist = phone.getByRole('region', { name: 'Checklist' });
  await expect(checklist.getByText('2 required items still open')).toBeVisible();

  const gallons = checklist.getByLabel('Gallons pumped (gal)');
  await expect(gallons).toHaveAttribute('inputmode', 'decimal');
  await gallons.fill('1050');
  await gallons.locator('xpath=ancestor::form').getByRole('button', { name: 'Save' }).click();
  await expect(checklist.getByText('1050 gal')).toBeVisible();
  await checklist
    .getByRole('group', { name: 'Outlet baffle' })
    .getByRole('button', { name: 'Pass' })
    .click();
  await expect(checklist.getByText('Pass', { exact: true })).toBeVisible();
  const passBox = await checklist.getByRole('button', { name: 'Change' }).first().boundingBox();
  expect(passBox!.height).toBeGreaterThanOrEqual(44);

  // Refused with the signature missing, and the refusal names it.
  await phone.getByRole('button', { name: 'Complete' }).click();
  await expect(phone.getByRole('alert')).toContainText(
    'Finish the required checklist items first: Customer signature.',
  );

  // The customer signs with a finger.
  const pad = checklist.getByRole('img', { name: /Customer signature/ });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await phone.mouse.move(box.x + 20, box.y + box.height / 2);
  await phone.mouse.down();
  for (let i = 1; i <= 10; i++) {
    await phone.mouse.move(box.x + 20 + i * 25, box.y + box.height / 2 + (i % 2 ? 25 : -25));
  }
  await phone.mouse.up();
  await expect(pad).toHaveAttribute('aria-label', 'Customer signature: signed');
  await checklist.getByLabel('Name of the person signing').fill('Dana Reyes');
  await checklist.getByRole('button', { name: 'Save signature' }).click();
  await expect(checklist.getByText('Signed by Dana Reyes')).toBeVisible();

  await phone.getByRole('button', { name: 'Complete' }).click();
  await expect(phone.locator('.badges').getByText(/completed/i)).toBeVisible();

  const record = await owner.get<{ matches: boolean; sha256: string; audit_sha256: string }>(
    `${base}/completion-record`,
  );
  expect(record.matches).toBe(true);
  expect(record.audit_sha256).toBe(record.sha256);
  await context.close();
});

test("the office sets a work type's checklist in Settings", async ({ page }) => {
  await signIn(page, env.owner, '/admin/checklists');
  await expect(page.getByRole('heading', { name: 'Checklists', level: 1 })).toBeVisible();
  const label = uniqueName('Sludge depth');
  const form = page.getByRole('form', { name: 'Add an item' });
  await form.getByLabel('Work type').selectOption('inspection');
  await form.getByLabel('Item').fill(label);
  await form.getByLabel('What it asks for').selectOption('number');
  await form.getByLabel('Unit (e.g. gallons)').fill('in');
  await form.getByRole('button', { name: 'Add item' }).click();
  const inspection = page.getByRole('region', { name: 'Inspection' });
  await expect(inspection.getByText(`${label} (in)`)).toBeVisible();
  await inspection.getByRole('button', { name: `Remove ${label} from Inspection` }).click();
  await expect(inspection.getByText(`${label} (in)`)).toHaveCount(0);
});
