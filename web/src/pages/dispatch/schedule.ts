import { api } from '../../api/client';
import type { ScheduleResult, ScheduleWarning } from '../../api/types.gen';
import { formatTime } from '../../format';
import { formatDay, zonedDate } from '../../time';

// The board's one change (POST /work-orders/{id}/schedule): a job onto a
// technician and a time, or back in the queue (both null). The server keeps
// the job's length when no end is sent, and answers with warnings.

export interface Target {
  techId: number;
  date: string; // the org's local date
  time: string; // "09:00", the org's local time
}

export function scheduleJob(
  id: number,
  version: number,
  start: { techId: number; startIso: string; endIso?: string } | null,
): Promise<ScheduleResult> {
  return api.post<ScheduleResult>(`/work-orders/${id}/schedule`, {
    assignee_id: start ? start.techId : null,
    scheduled_start: start ? start.startIso : null,
    ...(start?.endIso ? { scheduled_end: start.endIso } : {}),
    version,
  });
}

/** What the dispatcher reads after a drop: where it landed, and each warning in words. */
export function landedText(result: ScheduleResult, techName: (id: number) => string): string {
  const wo = result.work_order;
  if (!wo.scheduled_start || wo.assignee_id === null)
    return `${wo.number} is back in the unassigned queue.`;
  const when = `${formatDay(zonedDate(wo.scheduled_start))} at ${formatTime(wo.scheduled_start)}`;
  return `${wo.number} is scheduled for ${techName(wo.assignee_id)} on ${when}.`;
}

export function warningText(w: ScheduleWarning): string {
  if (w.code === 'overlap') return `Overlaps ${w.number ?? 'another job'} of the same technician.`;
  if (w.code === 'outside_working_hours') return 'Outside the working hours.';
  return w.code;
}
