import type { ServicePlanView } from '../../api/types.gen';

type Plan = Pick<
  ServicePlanView,
  'reminded_for' | 'reminded_by' | 'next_due_on' | 'remind_on' | 'marketing_sms' | 'marketing_email'
>;

const CHANNEL: Record<string, string> = { sms: 'text', email: 'email' };

function channels(list: string[]): string {
  return list.map((c) => CHANNEL[c] ?? c).join(' and ');
}

/**
 * The reminder of the plan's due date: "Sent by text and email", "Not sent:
 * no number or address could take it", "On 2027-02-13 by email", "No consent
 * to reminders". Reminders are marketing: each channel needs its consent.
 */
export function reminderText(plan: Plan): string {
  if (plan.reminded_for === plan.next_due_on) {
    const went = (plan.reminded_by ?? '').split(',').filter(Boolean);
    return went.length > 0
      ? `Sent by ${channels(went)}`
      : 'Not sent: no number or address could take it';
  }
  const agreed = [plan.marketing_sms ? 'sms' : '', plan.marketing_email ? 'email' : ''].filter(
    Boolean,
  );
  return agreed.length > 0
    ? `On ${plan.remind_on} by ${channels(agreed)}`
    : 'No consent to reminders';
}
