import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { AuditRecord } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Field';
import { Empty, Loading } from '../components/States';
import { formatMs } from '../format';
import { useAssignees } from '../hooks/useAssignees';

interface Filters {
  action: string;
  actor_id: string;
  outcome: string;
  since: string;
  until: string;
}
const NO_FILTERS: Filters = { action: '', actor_id: '', outcome: '', since: '', until: '' };

/** Dates (local midnight) -> the epoch milliseconds the audit endpoint takes. */
function toQuery(f: Filters): Record<string, string | number | undefined> {
  const ms = (d: string, endOfDay: boolean) =>
    d ? new Date(`${d}T${endOfDay ? '23:59:59' : '00:00:00'}`).getTime() : undefined;
  return {
    action: f.action || undefined,
    actor_id: f.actor_id || undefined,
    outcome: f.outcome || undefined,
    since: ms(f.since, false),
    until: ms(f.until, true),
  };
}

export function AuditLogPage() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [rows, setRows] = useState<AuditRecord[]>([]);
  const [before, setBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const { people, nameOf } = useAssignees();

  const load = async (after: number | null, append: boolean, signal?: AbortSignal) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get<{ items: AuditRecord[]; next_before: number | null }>(
        '/audit',
        { ...toQuery(applied), before: after ?? undefined, limit: 50 },
        signal,
      );
      setRows((prev) => (append ? [...prev, ...page.items] : page.items));
      setBefore(page.next_before);
    } catch (err) {
      if (!signal?.aborted) setError(err);
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };
  useEffect(() => {
    const controller = new AbortController();
    void load(null, false, controller.signal);
    return () => controller.abort();
    // Re-run only when the inputs named here change (load reads them fresh).
  }, [applied]);

  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
  };
  return (
    <section>
      <h1>Audit log</h1>
      <form className="filters" aria-label="Filter the audit log" onSubmit={submit}>
        <TextField
          label="Action"
          value={draft.action}
          onChange={set('action')}
          placeholder="e.g. auth.login"
        />
        <SelectField
          label="Actor"
          value={draft.actor_id}
          onChange={set('actor_id')}
          options={[
            { value: '', label: 'Anyone' },
            ...people.map((p) => ({ value: String(p.id), label: p.name })),
          ]}
        />
        <SelectField
          label="Outcome"
          value={draft.outcome}
          onChange={set('outcome')}
          options={[
            { value: '', label: 'Any outcome' },
            { value: 'success', label: 'Success' },
            { value: 'failure', label: 'Failure' },
          ]}
        />
        <TextField label="From" type="date" value={draft.since} onChange={set('since')} />
        <TextField label="Until" type="date" value={draft.until} onChange={set('until')} />
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Apply filters
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {rows.length === 0 && !loading ? <Empty>No audit records match.</Empty> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Audit records, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Outcome</th>
                <th scope="col">Fields</th>
                <th scope="col">IP</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.seq}>
                  <td>{formatMs(r.at)}</td>
                  <td>{r.actor_id ? nameOf(r.actor_id) : r.actor_type}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.target_type} {r.target_id}
                  </td>
                  <td className={r.outcome === 'success' ? '' : 'outcome-bad'}>{r.outcome}</td>
                  <td>{r.fields.join(', ')}</td>
                  <td>{r.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {loading ? <Loading what="Loading audit records" /> : null}
      {before && !loading ? (
        <button type="button" className="button-secondary" onClick={() => void load(before, true)}>
          Older records
        </button>
      ) : null}
    </section>
  );
}
