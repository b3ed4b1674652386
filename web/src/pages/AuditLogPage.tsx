import { useState, type FormEvent } from 'react';
import type { AuditRecord } from '../api/types';
import { type Column } from '../components/DataTable';
import { PagedTable, type PagedTableTexts } from '../components/PagedTable';
import { TextField } from '../components/Field';
import { downloadFile } from '../api/download';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../format';
import { useAction } from '../hooks/useAction';
import { useAssignees } from '../hooks/useAssignees';
import { auditSentence } from './audit/auditSentence';
import { useCursorPages } from '../hooks/useCursorPages';
import { FilterSelect } from '../components/FilterSelect';

interface Filters {
  action: string;
  actor_id: string;
  outcome: string;
  since: string;
  until: string;
}
const OUTCOMES = [
  { value: 'success', label: 'Success' },
  { value: 'failure', label: 'Failure' },
];
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

const TEXTS: PagedTableTexts = {
  caption: 'Audit records, newest first',
  empty: 'No audit records match.',
  loading: 'Loading audit records',
  more: 'Older records',
};

export function AuditLogPage() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const { people } = useAssignees();
  const list = useCursorPages<AuditRecord>('/audit', toQuery(applied), {
    pageSize: 50,
    cursorParam: 'before',
    nextField: 'next_before',
  });
  const columns: Column<AuditRecord>[] = [
    { header: 'When', cell: (r) => formatDateTime(r.at) },
    {
      header: 'What happened',
      className: (r) => (r.outcome === 'success' ? undefined : 'outcome-bad'),
      cell: (r) => (
        <>
          {auditSentence(r)}
          <br />
          <code className="hint">{r.action}</code>
        </>
      ),
    },
    { header: 'From', cell: (r) => r.ip },
  ];
  const exporter = useAction(async (format: 'csv' | 'jsonl') => {
    await downloadFile('/audit/export', { ...toQuery(applied), format }, `audit.${format}`);
  });

  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });
  const bind = (key: keyof Filters) => ({ value: draft[key], onChange: set(key) });
  const actors = people.map((p) => ({ value: String(p.id), label: p.name }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
    list.reload(); // "Apply" always asks again, even with the same filters
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
        <FilterSelect label="Actor" any="Anyone" {...bind('actor_id')} options={actors} />
        <FilterSelect label="Outcome" any="Any outcome" {...bind('outcome')} options={OUTCOMES} />
        <TextField label="From" type="date" value={draft.since} onChange={set('since')} />
        <TextField label="Until" type="date" value={draft.until} onChange={set('until')} />
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Apply filters
          </button>
        </div>
      </form>
      <div className="form-actions" role="group" aria-label="Export the filtered audit log">
        <button
          type="button"
          className="button-secondary"
          disabled={exporter.busy}
          onClick={() => void exporter.run('csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={exporter.busy}
          onClick={() => void exporter.run('jsonl')}
        >
          Export JSON Lines
        </button>
      </div>
      <ErrorMessage error={exporter.error} />
      <PagedTable list={list} columns={columns} rowKey={(r) => r.seq} texts={TEXTS} />
    </section>
  );
}
