import type { Customer, SmsMessage } from '../api/types';
import { formatDateTime } from '../format';

// SMS consent belongs to the phone number (the server's sms_consent), and a
// customer's STOP always wins: only the number can undo it, by texting START.
// These sentences are the ones the office reads on the customer page, the
// SMS thread and the customer form.

/** The number texted STOP (or the older per-record flag says so). */
export function stoppedByCustomer(
  c: Pick<Customer, 'sms_consent' | 'sms_opt_out_by_customer'>,
): boolean {
  if (c.sms_consent)
    return c.sms_consent.state === 'opted_out' && c.sms_consent.source === 'customer_sms';
  return c.sms_opt_out_by_customer === true;
}

export const START_ONLY = 'only the customer can start texts again by replying START';

/** One sentence about why texts are off, or null when they are allowed. */
export function optOutSentence(
  c: Pick<Customer, 'sms_opt_out' | 'sms_consent' | 'sms_opt_out_by_customer'>,
): string | null {
  if (!c.sms_opt_out) return null;
  const consent = c.sms_consent;
  if (stoppedByCustomer(c)) {
    return consent
      ? `Texted STOP on ${formatDateTime(consent.changed_at)}: ${START_ONLY}.`
      : `The customer texted STOP: ${START_ONLY}.`;
  }
  if (consent && consent.state === 'opted_out') {
    return `The office opted this number out of texts on ${formatDateTime(consent.changed_at)}. Edit the customer to allow texts again once they agree.`;
  }
  return 'The office opted this customer out of texts. Edit the customer to allow texts again once they agree.';
}

/** When texts are allowed: who last allowed them, if anyone recorded it. */
export function optInSentence(c: Pick<Customer, 'sms_opt_out' | 'sms_consent'>): string | null {
  if (c.sms_opt_out || !c.sms_consent || c.sms_consent.state !== 'opted_in') return null;
  return c.sms_consent.source === 'customer_sms'
    ? `The customer texted START on ${formatDateTime(c.sms_consent.changed_at)}.`
    : `The office allowed texts again on ${formatDateTime(c.sms_consent.changed_at)}.`;
}

// Why the server withdrew an unsent text (sms_messages.last_error of a superseded row).
const WITHDRAWN: Record<string, string> = {
  superseded_by_newer_confirmation: 'a newer confirmation replaced it',
  work_order_cancelled: 'the work order was cancelled',
  notify_customer_off: 'texts were turned off for the work order',
};

/** "Withdrawn: …" for a superseded message, else null. */
export function withdrawnReason(m: Pick<SmsMessage, 'status' | 'last_error'>): string | null {
  if (m.status !== 'superseded') return null;
  const why = m.last_error ? WITHDRAWN[m.last_error] : undefined;
  return `Withdrawn, never sent${why ? `: ${why}` : ''}.`;
}
