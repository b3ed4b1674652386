import { useState } from 'react';
import { api } from '../api/client';
import type { Customer, Page } from '../api/types';
import { useApi } from '../hooks/useApi';
import { SelectField, TextField } from './Field';

/** Search customers by name, email or phone, then pick one from the matches. */
export function CustomerPicker({
  value,
  onChange,
  error,
}: {
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string | undefined;
}) {
  const [q, setQ] = useState('');
  const matches = useApi(
    (signal) => api.get<Page<Customer>>('/customers', { q, limit: 20 }, signal),
    [q],
  );
  const selected = useApi(
    (signal) =>
      value ? api.get<Customer>(`/customers/${value}`, undefined, signal) : Promise.resolve(null),
    [value],
  );
  const options = [...(matches.data?.items ?? [])];
  if (selected.data && !options.some((c) => c.id === selected.data!.id))
    options.unshift(selected.data);
  return (
    <fieldset className="fieldset">
      <legend>Customer</legend>
      <TextField
        label="Find customer"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Name, email or phone"
      />
      <SelectField
        label="Customer"
        value={value ? String(value) : ''}
        error={error}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
        options={[
          { value: '', label: matches.loading ? 'Searching…' : 'No customer' },
          ...options.map((c) => ({
            value: String(c.id),
            label: c.email ? `${c.name} (${c.email})` : c.name,
          })),
        ]}
      />
    </fieldset>
  );
}
