import { expect, test, type APIRequestContext } from '@playwright/test';

// MUST-005: webhooks prove who sent them. Without a valid signature (made
// with a secret only Twilio/Stripe and the server know) nothing is accepted.

const TWILIO = '/webhooks/twilio/sms';
const STRIPE = '/webhooks/stripe';

async function post(
  request: APIRequestContext,
  path: string,
  headers: Record<string, string>,
  data: string,
) {
  const res = await request.post(path, { headers, data });
  return { status: res.status(), body: await res.text() };
}

/** A route that is not there yet must fail loudly, not pass as "refused". */
function expectRefused(result: { status: number; body: string }, what: string) {
  expect(result.status, `${what}: route missing (404)? ${result.body}`).not.toBe(404);
  expect(result.status, `${what}: ${result.body}`).toBe(403);
  const body = JSON.parse(result.body) as { error: { code: string } };
  expect(body.error.code).toBe('forbidden');
}

const smsForm =
  'MessageSid=SM00000000000000000000000000000000&From=%2B15555550100&To=%2B15555550199&Body=STOP';

test('MUST-005 Twilio SMS webhook without X-Twilio-Signature is refused with 403', async ({
  request,
}) => {
  expectRefused(
    await post(request, TWILIO, { 'Content-Type': 'application/x-www-form-urlencoded' }, smsForm),
    'missing signature',
  );
});

test('MUST-005 Twilio SMS webhook with a wrong X-Twilio-Signature is refused with 403', async ({
  request,
}) => {
  const forged = Buffer.from('0'.repeat(20)).toString('base64');
  expectRefused(
    await post(
      request,
      TWILIO,
      { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': forged },
      smsForm,
    ),
    'forged signature',
  );
});

const stripeEvent = JSON.stringify({
  id: 'evt_forged',
  type: 'checkout.session.completed',
  data: { object: { id: 'cs_forged', metadata: { invoice_id: '1' } } },
});

test('MUST-005 Stripe webhook without Stripe-Signature is refused with 403', async ({
  request,
}) => {
  expectRefused(
    await post(request, STRIPE, { 'Content-Type': 'application/json' }, stripeEvent),
    'missing signature',
  );
});

test('MUST-005 Stripe webhook with a bad Stripe-Signature is refused with 403', async ({
  request,
}) => {
  const t = Math.floor(Date.now() / 1000);
  const header = `t=${t},v1=${'ab'.repeat(32)}`;
  expectRefused(
    await post(
      request,
      STRIPE,
      { 'Content-Type': 'application/json', 'Stripe-Signature': header },
      stripeEvent,
    ),
    'bad signature',
  );
  // A stale timestamp with a well-formed but wrong signature: also refused.
  expectRefused(
    await post(
      request,
      STRIPE,
      {
        'Content-Type': 'application/json',
        'Stripe-Signature': `t=${t - 86400},v1=${'cd'.repeat(32)}`,
      },
      stripeEvent,
    ),
    'stale signature',
  );
});
