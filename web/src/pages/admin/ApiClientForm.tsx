import { useState } from 'react';
import { api } from '../../api/client';
import type { CreatedApiClient, OAuthScopeView } from '../../api/types.gen';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { SubmitRow } from '../../components/SubmitRow';
import { humanize, localInputToIso } from '../../format';
import { useForm } from '../../hooks/useForm';

// The roles a client may act with: never owner, and the server also refuses
// one above the creator's own.
const CEILINGS = ['admin', 'dispatcher', 'technician', 'viewer', 'requester'];
const EMPTY = { name: '', purpose: '', role: 'viewer', expires: '', ips: '' };

/**
 * Create an OAuth API client: a name, what it is for, the scopes it may ask
 * for (checkboxes grouped by area), its role ceiling and an optional expiry.
 * The secret comes back once, in the answer, and is shown once.
 */
export function ApiClientForm({
  scopes,
  onCreated,
}: {
  scopes: OAuthScopeView[];
  onCreated: (created: CreatedApiClient) => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const form = useForm(EMPTY, async ({ name, purpose, role, expires, ips }, { reset }) => {
    const body: Record<string, unknown> = { name, purpose, role, scopes: chosen };
    const ranges = ips.split(/[\s,]+/).filter((r) => r !== '');
    if (ranges.length > 0) body.allowed_ips = ranges;
    const expiresAt = localInputToIso(expires);
    if (expiresAt) body.expires_at = expiresAt;
    const created = await api.post<CreatedApiClient>('/api-clients', body);
    reset();
    setChosen([]);
    onCreated(created);
  });
  const areas = [...new Set(scopes.map((s) => s.area))];
  const toggle = (name: string, on: boolean) =>
    setChosen((c) => (on ? [...c, name] : c.filter((x) => x !== name)));
  return (
    <form onSubmit={form.submit} className="form-grid" noValidate>
      <TextField label="Name" required autoComplete="off" {...form.field('name')} />
      <TextField label="Purpose" autoComplete="off" {...form.field('purpose')} />
      <SelectField
        label="Role ceiling"
        hint="The most this client may do; a request needs both the scope and this role."
        {...form.field('role')}
        options={CEILINGS.map((r) => ({ value: r, label: humanize(r) }))}
      />
      <TextField label="Expires (optional)" type="datetime-local" {...form.field('expires')} />
      <TextField
        label="Allowed IP ranges (optional)"
        hint="CIDR ranges separated by spaces or commas, e.g. 203.0.113.0/24 2001:db8::/32"
        autoComplete="off"
        value={form.values.ips}
        onChange={(e) => form.set('ips', e.target.value)}
        error={form.action.fieldErrors.allowed_ips}
      />
      <fieldset className="scope-picker">
        <legend>Scopes</legend>
        {areas.map((area) => (
          <div key={area} className="scope-area">
            <span className="scope-area-name">{humanize(area)}</span>
            {scopes
              .filter((s) => s.area === area)
              .map((s) => (
                <label key={s.name} className="scope-choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(s.name)}
                    onChange={(e) => toggle(s.name, e.target.checked)}
                  />{' '}
                  {s.name}
                </label>
              ))}
          </div>
        ))}
        {form.action.fieldErrors.scopes ? (
          <p className="field-error">{form.action.fieldErrors.scopes}</p>
        ) : null}
      </fieldset>
      <SubmitRow busy={form.action.busy}>Create API client</SubmitRow>
      <ErrorMessage error={form.action.error} />
    </form>
  );
}
