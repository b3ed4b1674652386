import { createHmac } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { env } from './env';

/**
 * A text from a customer's phone to the organization's number, posted to the
 * Twilio webhook and signed the way Twilio signs it (HMAC-SHA1 of the URL and
 * the sorted form parameters, with the run's test auth token).
 */
export async function textFromCustomer(
  request: APIRequestContext,
  from: string,
  body: string,
  to = env.smsNumber,
): Promise<void> {
  const params: Record<string, string> = {
    MessageSid: `SM${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    From: from,
    To: to,
    Body: body,
  };
  const url = `${env.baseURL}/webhooks/twilio/sms`;
  const signed =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join('');
  const signature = createHmac('sha1', env.twilioAuthToken).update(signed).digest('base64');
  const hook = await request.post('/webhooks/twilio/sms', {
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': signature,
    },
    data: new URLSearchParams(params).toString(),
  });
  expect(hook.status(), await hook.text()).toBe(200);
}
