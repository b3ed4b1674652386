import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Asset, Site, WorkOrder } from '../api/types';
import { CustomerPicker } from '../components/CustomerPicker';
import { ErrorMessage } from '../components/ErrorMessage';
import { ApiError } from '../api/errors';
import { CheckboxField, SelectField, TextField } from '../components/Field';
import { nowLocalInput, PAST_START_MESSAGE } from '../domain/schedule';
import { localInputToIso } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { useAssignees } from '../hooks/useAssignees';
import { navigate, useLocation } from '../router/router';
import { useWorkOrderBasics, WorkOrderBasics } from './work-order/WorkOrderBasics';

export function NewWorkOrderPage() {
  const { query } = useLocation();
  const initialCustomer = Number(query.get('customer_id')) || null;
  const basics = useWorkOrderBasics({
    title: '',
    description: '',
    type: 'corrective',
    priority: 'medium',
  });
  const { title, description, type, priority } = basics.value;
  const [customerId, setCustomerId] = useState<number | null>(initialCustomer);
  const [siteId, setSiteId] = useState('');
  const [assetId, setAssetId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [due, setDue] = useState('');
  const [hours, setHours] = useState('');
  // Texting the customer is the normal case; unticked records work already
  // done (no texts, and the start may be in the past).
  const [notify, setNotify] = useState(true);
  const { people } = useAssignees();
  const sites = useApi(
    (signal) =>
      customerId
        ? api.get<{ items: Site[] }>(`/customers/${customerId}/sites`, undefined, signal)
        : Promise.resolve({ items: [] }),
    [customerId],
  );
  // A customer with one site: that is where the work is.
  const siteItems = sites.data?.items ?? [];
  const onlySite = siteItems.length === 1 && siteItems[0] ? String(siteItems[0].id) : '';
  const [siteTouched, setSiteTouched] = useState(false);
  const effectiveSite = siteTouched ? siteId : siteId || onlySite;
  const assets = useApi(
    (signal) =>
      effectiveSite
        ? api.get<{ items: Asset[] }>(`/sites/${effectiveSite}/assets`, undefined, signal)
        : Promise.resolve({ items: [] as Asset[] }),
    [effectiveSite],
  );

  const create = useAction(async () => {
    const body: Record<string, unknown> = {
      title,
      description,
      type,
      priority,
      notify_customer: notify,
    };
    if (customerId) body.customer_id = customerId;
    if (effectiveSite) body.site_id = Number(effectiveSite);
    if (effectiveSite && assetId) body.asset_id = Number(assetId);
    if (assigneeId) body.assignee_id = Number(assigneeId);
    const times = { scheduled_start: start, scheduled_end: end, due_at: due };
    for (const [key, value] of Object.entries(times)) {
      const iso = localInputToIso(value);
      if (iso) body[key] = iso;
    }
    if (hours) body.estimated_hours = Number(hours);
    const wo = await api.post<WorkOrder>('/work-orders', body);
    navigate(`/work-orders/${wo.id}`);
  });
  const errors = { ...create.fieldErrors };
  if (create.error instanceof ApiError && create.error.reason === 'scheduled_in_the_past') {
    errors.scheduled_start = `${PAST_START_MESSAGE} To record work already done, untick “Text the customer about this visit”.`;
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run();
  };

  return (
    <section>
      <h1>New work order</h1>
      <form onSubmit={submit} className="form-grid" noValidate>
        <WorkOrderBasics value={basics.value} onChange={basics.onChange} errors={errors} />
        <CustomerPicker
          value={customerId}
          onChange={(id) => {
            setCustomerId(id);
            setSiteId('');
            setSiteTouched(false);
            setAssetId('');
          }}
          error={errors.customer_id}
        />
        <SelectField
          label="Site"
          value={effectiveSite}
          onChange={(e) => {
            setSiteId(e.target.value);
            setSiteTouched(true);
            setAssetId('');
          }}
          error={errors.site_id}
          options={[
            { value: '', label: customerId ? 'No site' : 'Pick a customer first' },
            ...(sites.data?.items ?? []).map((s) => ({
              value: String(s.id),
              label: `${s.name} — ${s.address}`,
            })),
          ]}
        />
        <SelectField
          label="Asset"
          value={assetId}
          onChange={(e) => setAssetId(e.target.value)}
          error={errors.asset_id}
          options={[
            { value: '', label: effectiveSite ? 'No asset' : 'Pick a site first' },
            ...(assets.data?.items ?? []).map((a) => ({ value: String(a.id), label: a.name })),
          ]}
        />
        <SelectField
          label="Assignee"
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.target.value)}
          error={errors.assignee_id}
          options={[
            { value: '', label: 'Unassigned' },
            ...people.map((p) => ({ value: String(p.id), label: p.name })),
          ]}
        />
        <CheckboxField
          label="Text the customer about this visit"
          checked={notify}
          onChange={(e) => setNotify(e.target.checked)}
          error={errors.notify_customer}
          hint={
            notify
              ? 'The customer gets a confirmation and a reminder by SMS (if they have not opted out).'
              : 'Recording work already done: no texts are sent, and the start may be in the past.'
          }
        />
        <TextField
          label="Scheduled start"
          type="datetime-local"
          value={start}
          min={notify ? nowLocalInput() : undefined}
          onChange={(e) => setStart(e.target.value)}
          error={errors.scheduled_start}
          hint={
            notify
              ? 'With an assignee, the work order starts as scheduled. Leave empty to plan it later.'
              : 'When the work was done.'
          }
        />
        <TextField
          label="Scheduled end"
          type="datetime-local"
          value={end}
          onChange={(e) => setEnd(e.target.value)}
          error={errors.scheduled_end}
        />
        <TextField
          label="Due"
          type="datetime-local"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          error={errors.due_at}
        />
        <TextField
          label="Estimated hours"
          type="number"
          min={0}
          max={10000}
          step="0.25"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={errors.estimated_hours}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={create.busy}>
            Create work order
          </button>
        </div>
        <ErrorMessage error={create.error} />
      </form>
    </section>
  );
}
