import { expect, test } from '@playwright/test';
import { signIn } from './support/app';
import { env } from './support/env';

// Export everything (issue 13 item 8): on Settings → Privacy requests the
// owner starts the export, watches it being prepared and downloads the ZIP.

test('the owner exports all of the organization data and downloads the ZIP', async ({ page }) => {
  await signIn(page, env.owner, '/admin/privacy-requests');
  const panel = page.getByRole('region', { name: 'Export all data' });
  await panel.getByRole('button', { name: 'Export all data' }).click();
  const link = panel.getByRole('link', { name: 'Download the ZIP' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText(/^Ready: [\d,]+ rows and \d+ files/)).toBeVisible();
  await expect(panel.getByText(/The link works until/)).toBeVisible();
  const download = page.waitForEvent('download');
  await link.click();
  expect((await download).suggestedFilename()).toMatch(/^organization-export-\d+\.zip$/);
});
