import { expect, test } from '@playwright/test';
import { signIn } from './support/app';
import { env } from './support/env';
import { tinyPng } from './support/images';

// The logo on invoices and reports (issue 14 item 2), on a phone: the owner
// uploads a picture on the Organization page and sees it; an SVG is refused
// in words; removing it brings back "No logo yet".

test.use({ viewport: { width: 390, height: 844 } });

test('the owner uploads a logo, an SVG is refused, and the logo can be removed', async ({
  page,
}) => {
  await signIn(page, env.owner, '/admin/organization');
  const panel = page.getByRole('region', { name: 'Logo' });
  const form = panel.getByRole('form', { name: 'Upload a logo' });

  await form.getByLabel('Logo picture').setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await form.getByRole('button', { name: /logo/ }).click();
  await expect(panel.getByText('not SVG or PDF')).toBeVisible();

  await form
    .getByLabel('Logo picture')
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: tinyPng() });
  await form.getByRole('button', { name: /Upload logo|Replace logo/ }).click();
  const img = panel.getByRole('img', { name: /logo/ });
  await expect(img).toBeVisible();
  // The picture the server made loads (a broken image has no natural width).
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(2);

  await panel.getByRole('button', { name: 'Remove logo' }).click();
  await expect(panel.getByText('No logo yet')).toBeVisible();
  await expect(img).toHaveCount(0);
});
