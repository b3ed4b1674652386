import { SMS_STATUS_LABELS, type SmsStatus } from '../api/types';
import { formatDateTime, humanize } from '../format';

/** Status and priority chips; the class picks a colour, the text says it (never colour alone). */
export function Badge({
  kind,
  value,
}: {
  kind: 'status' | 'priority' | 'invoice' | 'role' | 'sms' | 'asset';
  value: string;
}) {
  const label =
    kind === 'sms' ? (SMS_STATUS_LABELS[value as SmsStatus] ?? humanize(value)) : humanize(value);
  return <span className={`badge badge-${kind} badge-${kind}-${value}`}>{label}</span>;
}

/** The customer replied YES to the confirmation text. */
export function ConfirmedBadge({ at }: { at: string | null | undefined }) {
  if (!at) return null;
  return (
    <span className="badge badge-confirmed" title={`Confirmed by SMS on ${formatDateTime(at)}`}>
      Customer confirmed
    </span>
  );
}
