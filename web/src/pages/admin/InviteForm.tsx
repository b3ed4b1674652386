import { useState } from 'react';
import { api } from '../../api/client';
import { ROLES } from '../../api/types';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { SubmitRow } from '../../components/SubmitRow';
import { humanize } from '../../format';
import { useForm } from '../../hooks/useForm';

const EMPTY = { email: '', name: '', role: 'technician' };

/**
 * Invite someone by email: they get a link (72 hours, once) and choose their
 * own password. The server answers the same way for every address, so the
 * notice cannot say more than "sent if possible".
 */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm(EMPTY, async ({ email, name, role }, { set, reset }) => {
    setNotice(null);
    const body: Record<string, unknown> = { email, role };
    if (name) body.name = name;
    await api.post<{ invitation: { email: string } }>('/users', body);
    setNotice(`Invitation sent to ${email}. The link works once, for 72 hours.`);
    reset();
    set('role', role);
    onInvited();
  });
  return (
    <form onSubmit={form.submit} className="form-grid" noValidate>
      <TextField label="Email" type="email" required autoComplete="off" {...form.field('email')} />
      <TextField label="Name (optional)" autoComplete="off" {...form.field('name')} />
      <SelectField
        label="Role"
        {...form.field('role')}
        options={ROLES.map((r) => ({ value: r, label: humanize(r) }))}
      />
      <SubmitRow busy={form.action.busy}>Send invitation</SubmitRow>
      <ErrorMessage error={form.action.error} />
      <Notice text={notice} />
    </form>
  );
}
