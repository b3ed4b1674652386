import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Role, User } from '../../api/types';
import { ROLES } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { humanize } from '../../format';
import { useAction } from '../../hooks/useAction';

/** Invite a user. Without a password the server generates one and shows it once. */
export function NewUserForm({ onCreated }: { onCreated: (u: User) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [password, setPassword] = useState('');
  const [generated, setGenerated] = useState<string | null>(null);
  const create = useAction(async () => {
    const body: Record<string, unknown> = { email, name, role };
    if (password) body.password = password;
    const user = await api.post<User & { initial_password?: string }>('/users', body);
    setGenerated(user.initial_password ?? null);
    setEmail('');
    setName('');
    setPassword('');
    onCreated(user);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run();
  };
  const errors = create.fieldErrors;
  return (
    <form onSubmit={submit} className="form-grid" noValidate>
      <TextField
        label="Email"
        type="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        autoComplete="off"
      />
      <TextField
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        autoComplete="off"
      />
      <SelectField
        label="Role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        error={errors.role}
        options={ROLES.map((r) => ({ value: r, label: humanize(r) }))}
      />
      <TextField
        label="Initial password (optional)"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        hint="Leave empty to have one generated."
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={create.busy}>
          Create user
        </button>
      </div>
      <ErrorMessage error={create.error} />
      {generated ? (
        <p className="notice" role="status">
          Generated password (shown once, pass it on securely): <code>{generated}</code>
        </p>
      ) : null}
    </form>
  );
}
