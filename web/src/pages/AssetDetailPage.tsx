import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Asset, MeterKind, MeterReading, PmSchedule } from '../api/types';
import { METER_KINDS } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Field';
import { LoadState } from '../components/States';
import { formatDateTime, humanize } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';
import { PmScheduleForm } from './asset/PmScheduleForm';
import { PmScheduleTable } from './asset/PmScheduleTable';
import { CostTable } from './asset/CostTable';
import { StatusPanel } from './asset/StatusPanel';
import { RequestLinkPanel } from './asset/RequestLinkPanel';
import { WorkHistory } from './asset/WorkHistory';

export function AssetDetailPage({ id }: { id: number }) {
  const me = useMe();
  const asset = useApi((signal) => api.get<Asset>(`/assets/${id}`, undefined, signal), [id]);
  const readings = useApi(
    (signal) => api.get<{ items: MeterReading[] }>(`/assets/${id}/readings`, { limit: 50 }, signal),
    [id],
  );
  const schedules = useApi(
    (signal) => api.get<{ items: PmSchedule[] }>('/pm-schedules', undefined, signal),
    [id],
  );
  return (
    <LoadState loaded={asset} what="Loading the asset">
      {(a) => (
        <article>
          <p className="breadcrumb">
            <Link to="/assets">Assets</Link> / {a.name}
          </p>
          <h1>{a.name}</h1>
          <dl className="facts panel">
            <dt>Type</dt>
            <dd>{a.type || '—'}</dd>
            <dt>Make and model</dt>
            <dd>{[a.make, a.model].filter(Boolean).join(' ') || '—'}</dd>
            <dt>Serial</dt>
            <dd>{a.serial || '—'}</dd>
            <dt>Installed</dt>
            <dd>{a.install_date ?? '—'}</dd>
            <dt>Site</dt>
            <dd>{a.site_name ?? '—'}</dd>
            <dt>Under</dt>
            <dd>
              {a.parent_id ? (
                <Link to={`/assets/${a.parent_id}`}>{a.parent_name ?? 'Parent asset'}</Link>
              ) : (
                'Directly at the site'
              )}
            </dd>
            <dt>Customer</dt>
            <dd>
              {a.customer_id ? (
                <Link to={`/customers/${a.customer_id}`}>{a.customer_name ?? 'Customer'}</Link>
              ) : (
                '—'
              )}
            </dd>
          </dl>
          <StatusPanel asset={a} onChanged={asset.reload} />
          {can(me, 'work_orders.assign') ? <RequestLinkPanel kind="assets" id={a.id} /> : null}
          <WorkHistory assetId={a.id} />
          {can(me, 'invoices.manage') ? <CostTable assetId={a.id} /> : null}
          <section className="panel" aria-labelledby="readings-h">
            <h2 id="readings-h">Meter readings</h2>
            <LoadState loaded={readings} what="Loading readings">
              {(r) =>
                r.items.length === 0 ? (
                  <p className="empty">No readings yet.</p>
                ) : (
                  <ul className="plain-list">
                    {r.items.map((x) => (
                      <li key={x.id}>
                        {formatDateTime(x.read_at)}: {x.value} {x.kind}
                      </li>
                    ))}
                  </ul>
                )
              }
            </LoadState>
            {can(me, 'work_orders.write') ? (
              <ReadingForm assetId={a.id} onAdded={readings.reload} />
            ) : null}
          </section>
          <AttachmentsPanel owner="assets" ownerId={a.id} />
          <section className="panel" aria-labelledby="asset-pm-h">
            <h2 id="asset-pm-h">Preventive maintenance</h2>
            <LoadState loaded={schedules} what="Loading schedules">
              {(s) => (
                <PmScheduleTable
                  schedules={s.items.filter((x) => x.asset_id === a.id)}
                  canEdit={can(me, 'work_orders.assign')}
                  onChanged={schedules.reload}
                />
              )}
            </LoadState>
            {can(me, 'work_orders.assign') ? (
              <details className="add-form">
                <summary>New schedule for this asset</summary>
                <PmScheduleForm siteId={a.site_id} assetId={a.id} onSaved={schedules.reload} />
              </details>
            ) : null}
          </section>
        </article>
      )}
    </LoadState>
  );
}

function ReadingForm({ assetId, onAdded }: { assetId: number; onAdded: () => void }) {
  const [kind, setKind] = useState<MeterKind>('hours');
  const [value, setValue] = useState('');
  const add = useAction(async () => {
    await api.post(`/assets/${assetId}/readings`, { kind, value: Number(value) });
    setValue('');
    onAdded();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <form onSubmit={submit} className="inline-form" noValidate>
      <SelectField
        label="Meter"
        value={kind}
        onChange={(e) => setKind(e.target.value as MeterKind)}
        error={add.fieldErrors.kind}
        options={METER_KINDS.map((k) => ({ value: k, label: humanize(k) }))}
      />
      <TextField
        label="New reading value"
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={add.fieldErrors.value}
      />
      <button type="submit" className="button-secondary" disabled={add.busy || value === ''}>
        Record reading
      </button>
      <ErrorMessage error={add.error} />
    </form>
  );
}
