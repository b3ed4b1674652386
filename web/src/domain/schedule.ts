// Default visit times. The server refuses a start more than 15 minutes in
// the past (400 scheduled_in_the_past) unless the work order texts nobody,
// so a form never proposes a time already gone: the next full hour, or
// tomorrow at 09:00 once the working day is nearly over. (The new-work-order
// form proposes none: an empty start means "plan it later", and its picker
// starts at now.)

import { isoToLocalInput } from '../format';
import { zonedDate, zonedTime, zonedToIso } from '../time';

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

/** The next slot in the organization's time zone (the dispatch week's days are its days). */
export function nextSlot(now: Date = new Date()): Slot {
  const today = zonedDate(now);
  const hour = Number(zonedTime(now).slice(0, 2));
  if (hour + 1 > LAST_PROPOSED_HOUR) {
    // Tomorrow's date: noon today plus a day names it whatever the DST change.
    const noon = zonedToIso(today, '12:00') ?? now.toISOString();
    const tomorrow = zonedDate(new Date(Date.parse(noon) + 86_400_000));
    return { date: tomorrow, time: `${pad(MORNING_HOUR)}:00` };
  }
  return { date: today, time: `${pad(hour + 1)}:00` };
}

/** A datetime-local value for "now", minute precision (the earliest start a picker offers). */
export function nowLocalInput(now: Date = new Date()): string {
  return isoToLocalInput(now.toISOString());
}

/** What a person reads under the start field when the server refused a past start. */
export const PAST_START_MESSAGE = 'This start is in the past. Choose a time from now on.';
