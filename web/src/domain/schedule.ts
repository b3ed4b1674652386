// Default visit times. The server refuses a start more than 15 minutes in
// the past (400 scheduled_in_the_past) unless the work order texts nobody,
// so a form never proposes a time already gone: the next full hour, or
// tomorrow at 09:00 once the working day is nearly over. (The new-work-order
// form proposes none: an empty start means "plan it later", and its picker
// starts at now.)

import { isoToLocalInput } from '../format';

/** After this hour (of the day the form works in) the next slot is tomorrow morning. */
const LAST_PROPOSED_HOUR = 20;
const MORNING_HOUR = 9;

export interface Slot {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The next slot in UTC (the dispatch week is planned in UTC days). */
export function nextSlotUtc(now: Date = new Date()): Slot {
  const next = new Date(now.getTime());
  next.setUTCMinutes(0, 0, 0);
  next.setUTCHours(next.getUTCHours() + 1);
  if (next.getUTCDate() !== now.getUTCDate() || next.getUTCHours() > LAST_PROPOSED_HOUR) {
    const morning = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, MORNING_HOUR),
    );
    return { date: morning.toISOString().slice(0, 10), time: `${pad(MORNING_HOUR)}:00` };
  }
  return { date: next.toISOString().slice(0, 10), time: `${pad(next.getUTCHours())}:00` };
}

/** A datetime-local value for "now", minute precision (the earliest start a picker offers). */
export function nowLocalInput(now: Date = new Date()): string {
  return isoToLocalInput(now.toISOString());
}

/** What a person reads under the start field when the server refused a past start. */
export const PAST_START_MESSAGE = 'This start is in the past. Choose a time from now on.';
