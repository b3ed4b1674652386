import type { ServicePlanView } from '../../api/types.gen';

/** "Due in 12 days (2027-03-15)", "Due today", "Overdue by 3 days". */
export function dueText(plan: Pick<ServicePlanView, 'days_until_due' | 'next_due_on'>): string {
  const d = plan.days_until_due;
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (d === 0) return `Due today (${plan.next_due_on})`;
  if (d < 0) return `Overdue by ${days(-d)} (${plan.next_due_on})`;
  return `Due in ${days(d)} (${plan.next_due_on})`;
}
