import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Asset, Site, WorkOrder } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { isoToLocalInput, localInputToIso } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { useWorkOrderBasics, WorkOrderBasics } from './WorkOrderBasics';
import type { Person } from '../../hooks/useAssignees';

// The office edits a work order's details over PATCH with the version it
// read: if someone changed it meanwhile, the server answers 409
// version_conflict and the page reloads the current values instead of
// overwriting them.

export const VERSION_CONFLICT_MESSAGE =
  'Someone else changed this work order while you were editing. The current values are shown now; make your change again.';

export function EditPanel({
  wo,
  people,
  onSaved,
  onConflict,
}: {
  wo: WorkOrder;
  people: Person[];
  onSaved: (updated: WorkOrder) => void;
  onConflict: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [conflict, setConflict] = useState(false);
  return (
    <section className="panel" aria-labelledby="edit-h">
      <h2 id="edit-h">Edit</h2>
      {conflict ? (
        <p className="warning" role="status">
          {VERSION_CONFLICT_MESSAGE}
        </p>
      ) : null}
      {open ? (
        <EditForm
          key={wo.version}
          wo={wo}
          people={people}
          onCancel={() => setOpen(false)}
          onSaved={(updated) => {
            setConflict(false);
            setOpen(false);
            onSaved(updated);
          }}
          onConflict={() => {
            setConflict(true);
            onConflict();
          }}
        />
      ) : (
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          Edit details
        </button>
      )}
    </section>
  );
}

function EditForm({
  wo,
  people,
  onCancel,
  onSaved,
  onConflict,
}: {
  wo: WorkOrder;
  people: Person[];
  onCancel: () => void;
  onSaved: (updated: WorkOrder) => void;
  onConflict: () => void;
}) {
  const basics = useWorkOrderBasics({
    title: wo.title,
    description: wo.description,
    type: wo.type,
    priority: wo.priority,
  });
  const { title, description, type, priority } = basics.value;
  const [siteId, setSiteId] = useState(wo.site_id ? String(wo.site_id) : '');
  const [assetId, setAssetId] = useState(wo.asset_id ? String(wo.asset_id) : '');
  const [due, setDue] = useState(isoToLocalInput(wo.due_at));
  const [assigneeId, setAssigneeId] = useState(wo.assignee_id ? String(wo.assignee_id) : '');
  const [hours, setHours] = useState(wo.estimated_hours === null ? '' : String(wo.estimated_hours));
  const sites = useApi(
    (signal) =>
      wo.customer_id
        ? api.get<{ items: Site[] }>(`/customers/${wo.customer_id}/sites`, undefined, signal)
        : Promise.resolve({ items: [] as Site[] }),
    [wo.customer_id],
  );
  const assets = useApi(
    (signal) =>
      siteId
        ? api.get<{ items: Asset[] }>(`/sites/${siteId}/assets`, undefined, signal)
        : Promise.resolve({ items: [] as Asset[] }),
    [siteId],
  );
  const save = useAction(async () => {
    const body: Record<string, unknown> = {
      title,
      description,
      type,
      priority,
      version: wo.version,
    };
    if (siteId) body.site_id = Number(siteId);
    body.asset_id = assetId ? Number(assetId) : null; // null: for no asset
    if (assigneeId) body.assignee_id = Number(assigneeId);
    const dueIso = localInputToIso(due);
    if (dueIso) body.due_at = dueIso;
    if (hours) body.estimated_hours = Number(hours);
    try {
      onSaved(await api.patch<WorkOrder>(`/work-orders/${wo.id}`, body));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.reason === 'version_conflict') {
        onConflict();
        return;
      }
      throw err;
    }
  });
  const errors = save.fieldErrors;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form onSubmit={submit} className="form-grid" noValidate aria-label="Edit the work order">
      <WorkOrderBasics value={basics.value} onChange={basics.onChange} errors={errors} />
      <SelectField
        label="Site"
        value={siteId}
        onChange={(e) => {
          setSiteId(e.target.value);
          setAssetId(''); // an asset stands at one site
        }}
        error={errors.site_id}
        options={[
          { value: '', label: wo.customer_id ? 'No site' : 'The work order has no customer' },
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
          { value: '', label: siteId ? 'No asset' : 'Pick a site first' },
          ...(assets.data?.items ?? []).map((a) => ({ value: String(a.id), label: a.name })),
        ]}
      />
      <TextField
        label="Due"
        type="datetime-local"
        value={due}
        onChange={(e) => setDue(e.target.value)}
        error={errors.due_at}
      />
      <SelectField
        label="Assignee"
        value={assigneeId}
        onChange={(e) => setAssigneeId(e.target.value)}
        error={errors.assignee_id}
        options={[
          { value: '', label: wo.assignee_id ? (wo.assignee_name ?? 'Keep') : 'Unassigned' },
          ...people.map((p) => ({ value: String(p.id), label: p.name })),
        ]}
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
        <button type="submit" className="button-primary" disabled={save.busy}>
          Save changes
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorMessage error={save.error} />
    </form>
  );
}
