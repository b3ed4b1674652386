// The organization's time zone, the one place the web app reads it: every
// date and time on screen is shown in it (not the browser's), so the office
// and the technician in the field see the same day. Set from the session
// (GET /auth/me: org.time_zone) when it loads; dates typed into forms are
// read in it and sent to the API as UTC.

let orgZone = 'UTC';

export function setOrgTimeZone(zone: string | undefined): void {
  orgZone = zone && isKnownZone(zone) ? zone : 'UTC';
}

export function orgTimeZone(): string {
  return orgZone;
}

/** The browser's own zone (offered in Settings when it differs). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA names the browser knows, for the Settings select. */
export function allTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones: string[] = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsIn(zone: string, d: Date): Parts {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(d))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return {
    year: p.year ?? 1970,
    month: p.month ?? 1,
    day: p.day ?? 1,
    hour: p.hour ?? 0,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

const asDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** "2026-12-02" of an instant, in the org's zone. */
export function zonedDate(value: string | Date, zone = orgZone): string {
  const p = partsIn(zone, asDate(value));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "15:00" of an instant, in the org's zone. */
export function zonedTime(value: string | Date, zone = orgZone): string {
  const p = partsIn(zone, asDate(value));
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * A wall time ("2026-12-02", "15:00") in the org's zone -> RFC 3339 UTC.
 * Two passes over the zone's offset make a DST change come out right; a
 * time in a spring-forward gap moves forward by the gap, as on the server.
 */
export function zonedToIso(date: string, time: string, zone = orgZone): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) return undefined;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +t[1]!, +t[2]!);
  const offsetAt = (ms: number) => {
    const p = partsIn(zone, new Date(ms));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - ms;
  };
  let utc = wall - offsetAt(wall);
  utc = wall - offsetAt(utc);
  return new Date(utc).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Today's date in the org's zone. */
export function zonedToday(zone = orgZone): string {
  return zonedDate(new Date(), zone);
}

/** Options for Intl formatting in the org's zone. */
export function inOrgZone(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  return { ...options, timeZone: orgZone };
}

/** "Tue, Dec 2" for a local date string (a day column). */
export function formatDay(date: string): string {
  // Noon UTC of that date names the same calendar day whatever the zone.
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
