import { expect, test } from '@playwright/test';
import { signIn } from './support/app';
import { env, type Account } from './support/env';

// The navigation offers only what a role may use (the server enforces it
// regardless); pages outside the role say so instead of half-loading.

const NAV: [string, Account, string[]][] = [
  [
    'owner',
    env.owner,
    [
      'Dashboard',
      'My day',
      'Work orders',
      'Dispatch',
      'Messages',
      'Requests',
      'Customers',
      'Assets',
      'Invoices',
      'Receivables',
      'Service due',
      'Reports',
      'Users',
      'API clients',
      'Messaging',
      'Organization',
      'Security',
      'Price book',
      'Checklists',
      'Privacy requests',
      'Audit log',
      'Account',
    ],
  ],
  [
    'dispatcher',
    env.dispatcher,
    [
      'Dashboard',
      'My day',
      'Work orders',
      'Dispatch',
      'Messages',
      'Requests',
      'Customers',
      'Assets',
      'Invoices',
      'Receivables',
      'Service due',
      'Reports',
      'Account',
    ],
  ],
  [
    'technician',
    env.technician,
    ['Dashboard', 'My day', 'Work orders', 'Customers', 'Assets', 'Account'],
  ],
];

for (const [role, account, expected] of NAV) {
  test(`navigation for a ${role} shows only what the role may use`, async ({ page }) => {
    await signIn(page, account);
    const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    await expect(links).toHaveText(expected);
  });
}

test('a technician opening a page outside their role is told "You are not allowed to do that."', async ({
  page,
}) => {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (
      [
        '/api/v1/invoices',
        '/api/v1/users',
        '/api/v1/messages',
        '/api/v1/org/sms',
        '/api/v1/sms-templates',
      ].some((p) => r.url().includes(p))
    )
      calls.push(r.url());
  });
  await signIn(page, env.technician);
  for (const path of ['/invoices', '/admin/users', '/dispatch', '/messages', '/admin/messaging']) {
    await page.goto(path);
    await expect(page.getByRole('alert')).toHaveText('You are not allowed to do that.');
  }
  expect(calls).toEqual([]);
});

test('a 403 from the API is shown as "You are not allowed to do that." (server answer simulated)', async ({
  page,
}) => {
  await page.route('**/api/v1/metrics/business', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({
        error: { code: 'forbidden', message: 'permission denied', request_id: 'test' },
      }),
    }),
  );
  await signIn(page, env.owner);
  await expect(page.getByRole('alert')).toContainText('You are not allowed to do that.');
});

test('a technician sees a welcome page, not business metrics', async ({ page }) => {
  // A technician lands on My day (lists.spec.ts); the dashboard is a welcome.
  await signIn(page, env.technician, '/dashboard');
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'See my day' })).toBeVisible();
  await expect(page.getByText('Open work orders')).toHaveCount(0);
});
