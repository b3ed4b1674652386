import { useState } from 'react';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { ROLES } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { SubmitRow } from '../../components/SubmitRow';
import { humanize } from '../../format';
import { useForm } from '../../hooks/useForm';

const EMPTY = { email: '', name: '', role: 'technician', password: '' };

/** Invite a user. Without a password the server generates one and shows it once. */
export function NewUserForm({ onCreated }: { onCreated: (u: User) => void }) {
  const [generated, setGenerated] = useState<string | null>(null);
  const form = useForm(EMPTY, async ({ email, name, role, password }, { set, reset }) => {
    const body: Record<string, unknown> = { email, name, role };
    if (password) body.password = password;
    const user = await api.post<User & { initial_password?: string }>('/users', body);
    setGenerated(user.initial_password ?? null);
    reset();
    set('role', role);
    onCreated(user);
  });
  return (
    <form onSubmit={form.submit} className="form-grid" noValidate>
      <TextField label="Email" type="email" required autoComplete="off" {...form.field('email')} />
      <TextField label="Name" autoComplete="off" {...form.field('name')} />
      <SelectField
        label="Role"
        {...form.field('role')}
        options={ROLES.map((r) => ({ value: r, label: humanize(r) }))}
      />
      <TextField
        label="Initial password (optional)"
        type="password"
        autoComplete="new-password"
        hint="Leave empty to have one generated."
        {...form.field('password')}
      />
      <SubmitRow busy={form.action.busy}>Create user</SubmitRow>
      <ErrorMessage error={form.action.error} />
      {generated ? (
        <p className="notice" role="status">
          Generated password (shown once, pass it on securely): <code>{generated}</code>
        </p>
      ) : null}
    </form>
  );
}
