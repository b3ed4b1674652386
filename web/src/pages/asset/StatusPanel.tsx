import { useState } from 'react';
import { api } from '../../api/client';
import type { Asset, AssetDowntime, AssetStatusChange } from '../../api/types';
import { can } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { Badge } from '../../components/Badge';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { LoadState } from '../../components/States';
import { formatDateTime, humanize } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';

function hoursAndMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${m} min` : `${m} min`;
}

/** Running, down or retired; Mark down / Mark running with a reason; downtime and history. */
export function StatusPanel({ asset, onChanged }: { asset: Asset; onChanged: () => void }) {
  const me = useMe();
  const [reason, setReason] = useState('');
  const downtime = useApi(
    (signal) => api.get<AssetDowntime>(`/assets/${asset.id}/downtime`, undefined, signal),
    [asset.id, asset.version],
  );
  const history = useApi(
    (signal) =>
      api.get<{ items: AssetStatusChange[] }>(
        `/assets/${asset.id}/status-changes`,
        { limit: 20 },
        signal,
      ),
    [asset.id, asset.version],
  );
  const change = useAction(async (status: string) => {
    await api.patch(`/assets/${asset.id}`, { status, reason, version: asset.version });
    setReason('');
    onChanged();
  });
  // Technicians may mark down or running (the machine broke in front of
  // them); retiring is the office's decision.
  const mayChange = can(me, 'work_orders.write') && asset.status !== 'retired';
  const mayRetire = can(me, 'customers.write');
  return (
    <section className="panel" aria-labelledby="status-h">
      <h2 id="status-h">
        Status <Badge kind="asset" value={asset.status} />
      </h2>
      {mayChange || mayRetire ? (
        <form className="asset-status-actions" onSubmit={(e) => e.preventDefault()} noValidate>
          <TextField
            label="Reason"
            maxLength={500}
            placeholder="Bearing seized, belt replaced…"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={change.fieldErrors.reason}
          />
          {mayChange && asset.status !== 'down' ? (
            <button type="button" disabled={change.busy} onClick={() => void change.run('down')}>
              Mark down
            </button>
          ) : null}
          {(mayChange || mayRetire) && asset.status !== 'running' ? (
            <button type="button" disabled={change.busy} onClick={() => void change.run('running')}>
              Mark running
            </button>
          ) : null}
          {mayRetire && asset.status !== 'retired' ? (
            <button
              type="button"
              className="button-secondary"
              disabled={change.busy}
              onClick={() => void change.run('retired')}
            >
              Retire
            </button>
          ) : null}
          <ErrorMessage error={change.error} />
        </form>
      ) : null}
      <LoadState loaded={downtime} what="Loading downtime">
        {(d) => (
          <p>
            Down this month: <strong>{hoursAndMinutes(d.down_minutes)}</strong>
            {d.periods.length
              ? ` in ${d.periods.length} stop${d.periods.length > 1 ? 's' : ''}`
              : ''}
            .
          </p>
        )}
      </LoadState>
      <h3>History</h3>
      <LoadState loaded={history} what="Loading the history">
        {(h) =>
          h.items.length === 0 ? (
            <p className="empty">Running since it was added.</p>
          ) : (
            <ul className="plain-list">
              {h.items.map((c) => (
                <li key={c.id}>
                  {formatDateTime(c.changed_at)}: {humanize(c.from_status)} →{' '}
                  {humanize(c.to_status)}
                  {c.reason ? ` (${c.reason})` : ''}
                  {c.changed_by_name ? `, by ${c.changed_by_name}` : ''}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}
