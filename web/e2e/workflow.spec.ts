import { expect, test, type Browser } from '@playwright/test';
import { env } from './support/env';
import { openNav, screenshot, signIn, uniqueName } from './support/app';
import { awayFromUtcMidnight, thisMinuteUtc, utcDate, utcTime } from './support/time';

// The core job of the product, end to end in the browser: the office takes a
// call (customer, site, work order), the dispatcher schedules it, the
// technician does it from a phone, the owner invoices it.

test.describe.serial('field-service workflow', () => {
  const customerName = uniqueName('Harper Family');
  const title = uniqueName('Pump out 1000-gal tank');
  let customerUrl = '';
  let workOrderUrl = '';
  let workOrderNumber = '';

  test('owner signs in and sees business metrics', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in to Bulwark' })).toBeVisible();
    await screenshot(page, 'login');
    await signIn(page, env.owner);
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expect(page.getByText('Open work orders')).toBeVisible();
    await expect(page.getByRole('img', { name: 'Open work by status' })).toBeVisible();
    await screenshot(page, 'dashboard');
  });

  test('owner creates a customer with a site', async ({ page }) => {
    await signIn(page, env.owner);
    await openNav(page, 'Customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByLabel('Name').fill(customerName);
    await page.getByLabel('Phone').fill('(555) 201-3344');
    await page.getByLabel('Email').fill('harper@example.com');
    await page.getByLabel('Billing address').fill('12 Orchard Lane\nSpringfield');
    await page.getByRole('button', { name: 'Create customer' }).click();
    await expect(page.getByRole('heading', { name: customerName, level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/customers\/\d+$/);
    customerUrl = page.url();

    await page.getByText('Add a site').click();
    await page.getByLabel('Site name').fill('Farmhouse');
    await page.getByLabel('Site address').fill('12 Orchard Lane, Springfield');
    await page.getByRole('button', { name: 'Add site' }).click();
    await expect(page.getByRole('heading', { name: 'Farmhouse' })).toBeVisible();
    await expect(page.getByText('SMS allowed')).toBeVisible();
    await screenshot(page, 'customer');
  });

  test('owner creates a work order for the customer', async ({ page }) => {
    await signIn(page, env.owner, customerUrl);
    await page.getByRole('link', { name: 'New work order' }).click();
    await page.getByLabel('Title').fill(title);
    await page
      .getByLabel('Description')
      .fill('Tank alarm going off; pump out and inspect baffles.');
    await page.getByLabel('Priority').selectOption('high');
    await expect(page.getByLabel('Customer', { exact: true })).toHaveValue(/\d+/);
    await page
      .getByLabel('Site')
      .selectOption({ label: 'Farmhouse — 12 Orchard Lane, Springfield' });
    await page.getByRole('button', { name: 'Create work order' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(title);
    workOrderNumber = ((await heading.textContent()) ?? '').split(':')[0]!.trim();
    expect(workOrderNumber).toMatch(/^WO-\d+$/);
    workOrderUrl = page.url();
    await expect(page.getByRole('link', { name: customerName })).toBeVisible();
    // Only the moves the server allows from "open" are offered.
    await expect(page.getByRole('button', { name: 'Mark scheduled' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Complete' })).toHaveCount(0);
  });

  test('dispatcher schedules it for the technician today', async ({ page }) => {
    await signIn(page, env.dispatcher);
    await openNav(page, 'Dispatch');
    await expect(page.getByRole('heading', { name: /Week of/ })).toBeVisible();
    await page
      .getByLabel('Work order')
      .selectOption({ label: `${workOrderNumber} ${title} (unplanned)` });
    await page.getByLabel('Technician').selectOption({ label: 'Theo Technician' });
    // The form proposes a time still to come (the next full hour, or tomorrow
    // morning late in the day); never one already past.
    const proposed = Date.parse(
      `${await page.getByLabel('Date', { exact: true }).inputValue()}T${await page.getByLabel('Start time').inputValue()}:00Z`,
    );
    expect(proposed).toBeGreaterThan(Date.now());
    // Now (UTC), so it is on the technician's day: not the start of the hour,
    // which the server refuses once more than 15 minutes have gone by.
    await awayFromUtcMidnight();
    const now = thisMinuteUtc();
    await page.getByLabel('Date', { exact: true }).fill(utcDate(now));
    await page.getByLabel('Start time').fill(utcTime(now));
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(page.getByText(`${workOrderNumber} is scheduled.`)).toBeVisible();
    await expect(
      page.getByRole('table').getByRole('link', { name: new RegExp(workOrderNumber) }),
    ).toBeVisible();
    await screenshot(page, 'dispatch');
  });

  test('technician completes it from My day on a 390-px phone', async ({ browser }) => {
    const page = await phonePage(browser);
    await signIn(page, env.technician);
    await openNav(page, 'My day');
    const card = page.getByRole('article', { name: new RegExp(`${workOrderNumber} · `) });
    await expect(card).toBeVisible();
    const start = card.getByRole('button', { name: 'Start work' });
    await expect(start).toBeVisible();
    // Thumb-sized: buttons at least 48 px tall, nearly full width.
    const box = await start.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    expect(box!.width).toBeGreaterThan(300);
    await screenshot(page, 'my-day-phone');
    await start.click();
    await expect(card.getByText('In progress')).toBeVisible();

    // Record the time and the part used, from the work order's page.
    await card.getByRole('link', { name: 'Details, checklist and notes' }).click();
    await page.getByLabel('Minutes').fill('90');
    await page.getByLabel('Note').fill('Pumped 1000 gal, baffles fine');
    await page.getByRole('button', { name: 'Record time' }).click();
    await expect(page.getByText(/90 min by Theo Technician/)).toBeVisible();
    await page.getByLabel('Part name').fill('Effluent filter');
    await page.getByRole('button', { name: 'Add part' }).click();
    await expect(page.getByText('1 × Effluent filter')).toBeVisible();
    await page.getByLabel('Add a comment').fill('Gate code worked; dog friendly.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText('Gate code worked; dog friendly.')).toBeVisible();
    await page.goBack();

    await expect(card.getByText('In progress')).toBeVisible();
    await card.getByRole('button', { name: 'Complete' }).click();
    await expect(card.getByText('Completed')).toBeVisible();
    // A technician may not reopen finished work, so no such button.
    await expect(card.getByRole('button', { name: 'Reopen' })).toHaveCount(0);
    // The page must fit the phone: nothing wider than the viewport.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  test('owner invoices the completed work order', async ({ page }) => {
    await signIn(page, env.owner, workOrderUrl);
    await expect(page.locator('.badges').getByText('Completed', { exact: true })).toBeVisible();
    // The owner may reopen what the technician may not (the server's allowed_transitions).
    await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
    await page.getByRole('button', { name: 'Create invoice' }).click();
    await expect(page).toHaveURL(/\/invoices\/\d+$/);
    await expect(page.getByRole('heading', { name: /Invoice INV-\d+/ })).toBeVisible();
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();
    const invoiceNumber = (
      (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
    ).match(/INV-\d+/)![0];

    await expect(page.getByRole('cell', { name: /Labour \(90 min\)/ })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Effluent filter' })).toBeVisible();

    // Send it, then ask for a payment link. The test server has no payment
    // provider configured, so the page must say so plainly.
    await page.getByRole('button', { name: /Send \(mark open\)/ }).click();
    await expect(page.getByText('Open', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Payment link' }).click();
    await expect(
      page.getByRole('alert').or(page.getByRole('link', { name: /^https:\/\// })),
    ).toBeVisible();
    await screenshot(page, 'invoice');

    await openNav(page, 'Invoices');
    await expect(page.getByRole('link', { name: invoiceNumber })).toBeVisible();
    await openNav(page, 'Work orders');
    // Other specs add work orders in parallel; the technician's are few.
    await page.getByLabel('Assignee').selectOption({ label: 'Theo Technician' });
    await expect(page.getByRole('link', { name: workOrderNumber })).toBeVisible();
    await screenshot(page, 'work-orders');
  });
});

async function phonePage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  return context.newPage();
}
