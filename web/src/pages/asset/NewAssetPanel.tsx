import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Asset } from '../../api/types';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { SitePicker } from './SitePicker';

/** The assets already at a site, to sit a new one under (an area, a line, a machine). */
export function ParentSelect({
  siteId,
  value,
  onChange,
  error,
  exclude,
}: {
  siteId: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
  exclude?: number;
}) {
  const assets = useApi(
    (signal) =>
      siteId
        ? api.get<{ items: Asset[] }>(`/sites/${siteId}/assets`, undefined, signal)
        : Promise.resolve({ items: [] as Asset[] }),
    [siteId],
  );
  return (
    <SelectField
      label="Under (area or machine)"
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
      hint="Leave empty for an area or an asset directly at the site."
      options={[
        { value: '', label: 'Directly at the site' },
        ...(assets.data?.items ?? [])
          .filter((a) => a.id !== exclude)
          .map((a) => ({
            value: String(a.id),
            label: a.parent_name ? `${a.parent_name} › ${a.name}` : a.name,
          })),
      ]}
    />
  );
}

/** Add an asset anywhere: pick the customer's site by name, then what it sits under. */
export function NewAssetPanel({ onCreated }: { onCreated: () => void }) {
  const [customer, setCustomer] = useState<number | null>(null);
  const [site, setSite] = useState('');
  const [parent, setParent] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [make, setMake] = useState('');
  const [model, setModel] = useState('');
  const [serial, setSerial] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const create = useAction(async () => {
    const body: Record<string, unknown> = { name, type, make, model, serial };
    if (parent) body.parent_id = Number(parent);
    const made = await api.post<Asset>(`/sites/${site}/assets`, body);
    setName('');
    setSerial('');
    setDone(`${made.name} added.`);
    onCreated();
  });
  const errors = create.fieldErrors;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    void create.run();
  };
  return (
    <details className="panel add-form">
      <summary>Add an asset</summary>
      <form onSubmit={submit} className="form-grid" noValidate>
        <SitePicker
          customerId={customer}
          onCustomer={setCustomer}
          siteId={site}
          onSite={(s) => {
            setSite(s);
            setParent('');
          }}
        />
        <ParentSelect siteId={site} value={parent} onChange={setParent} error={errors.parent_id} />
        <TextField
          label="Asset name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <TextField
          label="Asset type"
          maxLength={100}
          placeholder="Area, press, pump, tank…"
          value={type}
          onChange={(e) => setType(e.target.value)}
        />
        <TextField
          label="Make"
          maxLength={100}
          value={make}
          onChange={(e) => setMake(e.target.value)}
        />
        <TextField
          label="Model"
          maxLength={100}
          value={model}
          onChange={(e) => setModel(e.target.value)}
        />
        <TextField
          label="Serial"
          maxLength={100}
          value={serial}
          onChange={(e) => setSerial(e.target.value)}
        />
        <button type="submit" disabled={create.busy || !site || !name}>
          Add asset
        </button>
        <ErrorMessage error={create.error} />
        <Notice text={done} />
      </form>
    </details>
  );
}
