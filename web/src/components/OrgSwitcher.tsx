import { useState } from 'react';
import { api } from '../api/client';
import type { MembershipItem } from '../api/types.gen';
import { useMe } from '../auth/session';
import { useApi } from '../hooks/useApi';

/**
 * The organization's name in the header; for a person who belongs to several
 * organizations (a bookkeeper, a contractor), a picker that moves to another.
 * The switch replaces the session, so the page reloads from the start: no
 * screen keeps showing the previous organization's data.
 */
export function OrgSwitcher() {
  const me = useMe();
  const orgs = useApi(
    (signal) => api.get<{ items: MembershipItem[] }>('/auth/orgs', undefined, signal),
    [me.org.id],
  );
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const items = orgs.data?.items ?? [];
  if (items.length < 2) return <span className="brand-org">{me.org.name}</span>;

  const move = async (orgId: number) => {
    setBusy(true);
    setFailed(false);
    try {
      await api.post<unknown>('/auth/switch-org', { org_id: orgId });
      window.location.assign('/');
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <span className="brand-org org-switcher">
      <label htmlFor="org-switcher" className="visually-hidden">
        Organization
      </label>
      <select
        id="org-switcher"
        value={me.org.id}
        disabled={busy}
        onChange={(e) => void move(Number(e.target.value))}
      >
        {items.map((m) => (
          <option key={m.org_id} value={m.org_id}>
            {m.org_name}
          </option>
        ))}
      </select>
      {failed ? <span role="alert"> Could not switch; try again.</span> : null}
    </span>
  );
}
