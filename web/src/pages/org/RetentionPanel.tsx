import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { RetentionSettings } from '../../api/types.gen';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { LoadState } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';

// Owners and admins: how long deleted customers, invoices and audit entries
// are kept (issue 13 item 5). Every change is audited; one year is the floor.

type Key = keyof RetentionSettings;

const FIELDS: { key: Key; label: string; hint: string }[] = [
  {
    key: 'customer_retention_years',
    label: 'Deleted customers (years)',
    hint: 'After this long, a deleted customer’s sites, texts and photos are removed for good. Their work orders stay, shown as “Deleted customer”.',
  },
  {
    key: 'invoice_retention_years',
    label: 'Invoices (years after issue)',
    hint: 'The buyer’s name and billing address frozen on each invoice are kept this long for tax records.',
  },
  {
    key: 'audit_retention_years',
    label: 'Audit log (years)',
    hint: 'Older entries are moved into encrypted monthly archive files.',
  },
];

export function RetentionPanel() {
  const settings = useApi(
    (signal) => api.get<RetentionSettings>('/org/retention', undefined, signal),
    [],
  );
  return (
    <section className="panel" aria-labelledby="retention-h">
      <h2 id="retention-h">Privacy: how long records are kept</h2>
      <LoadState loaded={settings} what="Loading the retention periods">
        {(s) => <RetentionForm settings={s} onSaved={settings.setData} />}
      </LoadState>
    </section>
  );
}

function RetentionForm({
  settings,
  onSaved,
}: {
  settings: RetentionSettings;
  onSaved: (s: RetentionSettings) => void;
}) {
  const [draft, setDraft] = useState(() => ({
    customer_retention_years: String(settings.customer_retention_years),
    invoice_retention_years: String(settings.invoice_retention_years),
    audit_retention_years: String(settings.audit_retention_years),
  }));
  const [done, setDone] = useState<string | null>(null);
  const save = useAction(async () => {
    setDone(null);
    const body: Partial<Record<Key, number>> = {};
    for (const f of FIELDS) body[f.key] = Number(draft[f.key]);
    onSaved(await api.patch<RetentionSettings>('/org/retention', body));
    setDone('Retention periods saved.');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form onSubmit={submit} noValidate>
      {FIELDS.map((f) => (
        <TextField
          key={f.key}
          label={f.label}
          hint={f.hint}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          value={draft[f.key]}
          onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))}
          error={save.fieldErrors[f.key]}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.busy}>
          Save retention periods
        </button>
      </div>
      <ErrorMessage error={save.error} />
      <Notice text={done} />
    </form>
  );
}
