import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Asset, Site } from '../../api/types';
import { PRIORITIES, WO_STATUSES } from '../../api/types';
import { useMe } from '../../auth/session';
import { CustomerPicker } from '../../components/CustomerPicker';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { FilterSelect } from '../../components/FilterSelect';
import { humanize } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useAssignees } from '../../hooks/useAssignees';
import { useLocation } from '../../router/router';
import { setListParam, setListParams } from './listQuery';

// The filter bar of the work-order list: what needs attention (overdue, due
// dates: the organization's local days, both included), who and where
// (customer by name, then one of its sites, then an asset there), and a
// search over number, title and customer name (descriptions are sealed at
// rest, so they are not searched).

/** The server reads at most 100 characters of q. */
const MAX_SEARCH = 100;
const SEARCH_DELAY_MS = 300;
const FOLDED = [
  'status',
  'priority',
  'assignee_id',
  'overdue',
  'due_after',
  'due_before',
  'customer_id',
  'site_id',
  'asset_id',
];

/** compact (a phone): the search box stays in sight, the other filters fold under "Filters". */
export function WorkOrderFilters({ compact = false }: { compact?: boolean }) {
  const me = useMe();
  const { query } = useLocation();
  const { people } = useAssignees();
  const param = (name: string) => query.get(name) ?? '';
  const customerId = Number(param('customer_id')) || null;
  const siteId = Number(param('site_id')) || null;
  const search = param('q').trim().slice(0, MAX_SEARCH);
  const sites = useApi(
    (signal) =>
      customerId
        ? api.get<{ items: Site[] }>(`/customers/${customerId}/sites`, undefined, signal)
        : Promise.resolve({ items: [] }),
    [customerId],
  );
  const assets = useApi(
    (signal) =>
      siteId
        ? api.get<{ items: Asset[] }>(`/sites/${siteId}/assets`, undefined, signal)
        : Promise.resolve({ items: [] }),
    [siteId],
  );

  // What is typed in the search box reaches the URL (and the server) once
  // typing pauses, not on every key.
  const [draft, setDraft] = useState(search);
  // Back/forward or a link changed q: show it in the box (adjusted while
  // rendering, as React advises for state that follows a changed input).
  const [shownSearch, setShownSearch] = useState(search);
  if (shownSearch !== search) {
    setShownSearch(search);
    setDraft((d) => (d.trim() === search ? d : search));
  }
  useEffect(() => {
    const wanted = draft.trim();
    if (wanted === search) return;
    const timer = window.setTimeout(() => setListParam('q', wanted), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, search]);

  // Folded on a phone unless one of them is set (then it shows what is).
  const active = FOLDED.some((f) => query.get(f));
  const more = (
    <>
      <FilterSelect
        label="Status"
        any="Any status"
        value={param('status')}
        onChange={(e) => setListParam('status', e.target.value)}
        options={[
          // The server's status=active: every status still to be done.
          { value: 'active', label: 'Still to be done' },
          ...WO_STATUSES.map((s) => ({ value: s, label: humanize(s) })),
        ]}
      />
      <FilterSelect
        label="Priority"
        any="Any priority"
        value={param('priority')}
        onChange={(e) => setListParam('priority', e.target.value)}
        options={PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))}
      />
      {me.role !== 'technician' ? (
        <SelectField
          label="Assignee"
          value={param('assignee_id')}
          onChange={(e) => setListParam('assignee_id', e.target.value)}
          options={[
            { value: '', label: 'Anyone' },
            ...people.map((p) => ({ value: String(p.id), label: p.name })),
          ]}
        />
      ) : null}
      <CheckboxField
        label="Overdue only"
        checked={param('overdue') === 'true'}
        onChange={(e) => setListParam('overdue', e.target.checked ? 'true' : '')}
      />
      <TextField
        label="Due from"
        type="date"
        value={param('due_after')}
        onChange={(e) => setListParam('due_after', e.target.value)}
      />
      <TextField
        label="Due until"
        type="date"
        value={param('due_before')}
        onChange={(e) => setListParam('due_before', e.target.value)}
      />
      <CustomerPicker
        value={customerId}
        onChange={(id) =>
          // A site or asset belongs to one customer: a new customer clears them.
          setListParams({ customer_id: id ? String(id) : '', site_id: '', asset_id: '' })
        }
      />
      {customerId ? (
        <FilterSelect
          label="Site"
          any="Any site"
          value={param('site_id')}
          onChange={(e) => setListParams({ site_id: e.target.value, asset_id: '' })}
          options={(sites.data?.items ?? []).map((s) => ({
            value: String(s.id),
            label: s.address ? `${s.name} (${s.address})` : s.name,
          }))}
        />
      ) : null}
      {siteId ? (
        <FilterSelect
          label="Asset"
          any="Any asset"
          value={param('asset_id')}
          onChange={(e) => setListParam('asset_id', e.target.value)}
          options={(assets.data?.items ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
        />
      ) : null}
    </>
  );

  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter work orders"
      onSubmit={(e) => e.preventDefault()}
    >
      <TextField
        label="Search"
        type="search"
        value={draft}
        maxLength={MAX_SEARCH}
        placeholder="Number, title or customer"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setListParam('q', draft.trim());
        }}
      />
      {compact ? (
        <details className="more-filters" open={active}>
          <summary>Filters</summary>
          {more}
        </details>
      ) : (
        more
      )}
    </form>
  );
}
