import { useState } from 'react';
import { api } from '../../api/client';
import type { Site, SiteChange } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextArea, TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';

// The office edits a site: name, address, access notes and the gate code
// (PATCH /sites/{id}). Only what changed is sent; the answer replaces the
// site shown above the form.

export function EditSiteForm({ site, onSaved }: { site: Site; onSaved: (s: Site) => void }) {
  const initial = {
    name: site.name,
    address: site.address,
    access_notes: site.access_notes ?? '',
    gate_code: site.gate_code ?? '',
  };
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const action = useAction(async () => {
    const change: SiteChange = {};
    for (const key of Object.keys(initial) as (keyof typeof initial)[])
      if (values[key] !== initial[key]) change[key] = values[key];
    onSaved(await api.patch<Site>(`/sites/${site.id}`, change));
    setSaved(true);
  });
  const bind = (key: keyof typeof initial) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => {
      setSaved(false);
      setValues((v) => ({ ...v, [key]: e.target.value }));
    },
    error: action.fieldErrors[key],
  });
  return (
    <details className="add-form">
      <summary>Edit site</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run();
        }}
        noValidate
      >
        <TextField label="Site name" required maxLength={200} {...bind('name')} />
        <TextArea label="Site address" required maxLength={500} {...bind('address')} />
        <TextArea label="Access notes (dogs, lid)" maxLength={2000} {...bind('access_notes')} />
        <TextField label="Gate code" maxLength={100} autoComplete="off" {...bind('gate_code')} />
        <button type="submit" className="button-secondary" disabled={action.busy}>
          Save site
        </button>
        <span aria-live="polite" className="hint">
          {saved ? ' Saved.' : ''}
        </span>
        <ErrorMessage error={action.error} />
      </form>
    </details>
  );
}
