// Display helpers. Times from the API are RFC 3339 UTC; people see them in
// the organization's time zone (time.ts), whatever the browser's is.
import { inOrgZone, zonedDate, zonedTime, zonedToIso } from './time';

export function humanize(value: string): string {
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, inOrgZone({ dateStyle: 'medium', timeStyle: 'short' }));
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleTimeString(
    undefined,
    inOrgZone({ hour: '2-digit', minute: '2-digit' }),
  );
}

export function formatMoney(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
}

/** "2026-11-23T14:30" (a datetime-local value, the org's time) -> RFC 3339 UTC, or undefined. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const [date = '', time = ''] = value.split('T');
  return zonedToIso(date, time.slice(0, 5));
}

/** RFC 3339 -> a datetime-local value in the org's time. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${zonedDate(d)}T${zonedTime(d)}`;
}
