import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openNav, signIn } from './support/app';
import { env } from './support/env';

// Issue 15 item 6: the audit log reads as sentences with people's names, and
// the office exports what the filters show as CSV for a spreadsheet.

test('the audit log reads in plain language and exports the filtered records as CSV', async ({
  page,
}) => {
  await signIn(page, env.owner);
  await openNav(page, 'Audit log');
  await page.getByLabel('Action').fill('auth.login');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('cell', { name: /signed in/ }).first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  // Exporting the log needs a fresh factor (step-up): the owner's password.
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await stepUp.getByLabel('Password').fill(env.owner.password);
  await stepUp.getByRole('button', { name: 'Confirm' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
  const text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = text.trim().split(/\r?\n/);
  expect(header).toBe(
    'seq,at,actor_type,actor_id,actor_name,action,target_type,target_id,target_name,ip,outcome,fields',
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toContain(',auth.login,');
});
