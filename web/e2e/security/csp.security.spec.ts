import { expect, test } from '@playwright/test';
import { signIn } from '../support/app';
import { env } from '../support/env';
import { APP_PAGES } from '../support/paths';

// MUST-NOT-003 (no eval or dynamic code): the app runs under the server's strict CSP
// (script-src 'self', style-src 'self', no inline code), so the build must
// not contain inline scripts or styles, and no page may trip the policy.

test('MUST-NOT-003 the app shell is served with a strict CSP and has no inline script or style', async ({
  request,
}) => {
  const res = await request.get('/');
  expect(res.status()).toBe(200);
  const csp = res.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  const html = await res.text();
  // Every <script> has a src and no body; no <style> blocks, no style= attributes.
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    expect(m[1]).toMatch(/\ssrc="\/assets\//);
    expect(m[2]!.trim()).toBe('');
  }
  expect(html).not.toMatch(/<style\b/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
});

test('MUST-NOT-003 no page of the app causes a CSP violation or uses inline styles', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('__reportCsp', (t: string) => violations.push(t));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  await signIn(page, env.owner);
  for (const path of APP_PAGES.filter((p) => !p.includes('/1'))) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[style]').count(), `style attributes on ${path}`).toBe(0);
  }
  expect(violations).toEqual([]);
});
