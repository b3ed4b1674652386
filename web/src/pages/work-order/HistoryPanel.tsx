import type { HistoryEntry } from '../../api/types';
import { formatDateTime, humanize } from '../../format';

export function HistoryPanel({
  history,
  nameOf,
}: {
  history: HistoryEntry[];
  nameOf: (id: number | null) => string;
}) {
  return (
    <section className="panel" aria-labelledby="history-h">
      <h2 id="history-h">History</h2>
      {history.length === 0 ? <p className="empty">No history.</p> : null}
      <ol className="plain-list">
        {history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>{formatDateTime(h.at)}</time>:{' '}
            {h.from ? `${humanize(h.from)} → ` : 'Created as '}
            {humanize(h.to)} by{' '}
            {h.actor_name ?? (h.actor_id === null ? 'the system' : nameOf(h.actor_id))}
          </li>
        ))}
      </ol>
    </section>
  );
}
