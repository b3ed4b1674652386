import { humanize } from '../format';

/** Status and priority chips; the class picks a colour, the text says it (never colour alone). */
export function Badge({ kind, value }: { kind: 'status' | 'priority' | 'invoice' | 'role'; value: string }) {
  return <span className={`badge badge-${kind} badge-${kind}-${value}`}>{humanize(value)}</span>;
}
