import { expect, test } from '@playwright/test';
import { ApiSession, signIn, uniqueName } from './support/app';
import { env } from './support/env';
import { tinyPng } from './support/images';

// Photos on a work order (MUST-007), on a 390-px phone: the technician picks
// a photo with the file chooser (on a phone it opens the camera), sees its
// thumbnail, and a file that is not a photo is refused with words that say
// what to do. The server scans every upload with clamd (scripts/web-e2e.sh).

test('a technician attaches a photo from the phone; a renamed web page is refused', async ({
  browser,
  playwright,
}) => {
  const ctx = await playwright.request.newContext({ baseURL: env.baseURL });
  const owner = await ApiSession.login(ctx, env.owner);
  const users = await owner.get<{ items: { id: number; email: string }[] }>('/users?limit=200');
  const tech = users.items.find((u) => u.email === env.technician.email)!;
  const wo = await owner.post<{ id: number }>('/work-orders', {
    title: uniqueName('Photo of the lid'),
    assignee_id: tech.id,
  });

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await context.newPage();
  await signIn(phone, env.technician, `/work-orders/${wo.id}`);
  const panel = phone.getByRole('region', { name: 'Photos and files' });
  await expect(panel.getByText('No photos or files yet.')).toBeVisible();
  const chooser = panel.getByLabel('Photo or PDF');
  await expect(chooser).toHaveAttribute('accept', 'image/*,application/pdf');
  await expect(chooser).toHaveAttribute('capture', 'environment');

  await chooser.setInputFiles({ name: 'lid.png', mimeType: 'image/png', buffer: tinyPng() });
  await panel.getByLabel('Caption (optional)').fill('Cracked lid');
  await panel.getByRole('button', { name: 'Upload' }).click();
  const thumb = panel.getByRole('img', { name: 'Cracked lid' });
  await expect(thumb).toBeVisible();
  // The thumbnail really loaded (a broken image has no natural width).
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

  await chooser.setInputFiles({
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
  });
  await panel.getByRole('button', { name: 'Upload' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'Only photos (JPEG, PNG, WebP, HEIC) and PDF files can be attached.',
  );
  await expect(panel.getByRole('img')).toHaveCount(1);

  // The uploader removes their own photo.
  await panel.getByRole('button', { name: 'Remove' }).click();
  await expect(panel.getByText('No photos or files yet.')).toBeVisible();
  await context.close();
});
