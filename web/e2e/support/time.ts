import { test } from '@playwright/test';

// Times for tests that schedule visits. The server refuses a start more than
// 15 minutes in the past (400 scheduled_in_the_past), and My day / the
// dispatch week show UTC days, so a visit "today" must be now-ish and still
// today when the technician looks. The specs run at any hour, 23:50 UTC too.

/** RFC 3339 without milliseconds, as the API writes times. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The current minute (UTC): today, and never more than a minute in the past. */
export function thisMinuteUtc(): Date {
  const d = new Date();
  d.setUTCSeconds(0, 0);
  return d;
}

/** HH:MM of a date in UTC (the dispatch form's time field). */
export function utcTime(d: Date): string {
  return d.toISOString().slice(11, 16);
}

/** YYYY-MM-DD of a date in UTC. */
export function utcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * A test that puts a visit on "today" and then looks for it on today's page
 * must not straddle UTC midnight: within `marginMs` of it, wait until the
 * new day has begun (the test's timeout grows by the wait).
 */
export async function awayFromUtcMidnight(marginMs = 3 * 60_000): Promise<void> {
  const now = Date.now();
  const untilMidnight = 86_400_000 - (now % 86_400_000);
  if (untilMidnight > marginMs) return;
  test.setTimeout(test.info().timeout + untilMidnight + 5_000);
  await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1_000));
}

/** A start this many hours before now, for recording work already done. */
export function hoursAgo(hours: number): Date {
  const d = new Date(Date.now() - hours * 3_600_000);
  d.setUTCSeconds(0, 0);
  return d;
}
