import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { OrgExportView } from '../../api/types.gen';
import { useMe } from '../../auth/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../format';
import { useAction } from '../../hooks/useAction';

/**
 * Settings → Privacy: "Export all data" (issue 13 item 8), owners only. The
 * server builds the ZIP in the background; the panel polls its progress and
 * offers the download link, which works for 24 hours.
 */
export function OrgExportPanel() {
  const me = useMe();
  const [job, setJob] = useState<OrgExportView | null>(null);
  const start = useAction(async () => {
    setJob(await api.post<OrgExportView>('/org/export'));
  });
  const working = job !== null && (job.status === 'queued' || job.status === 'running');
  const jobId = job?.id;
  useEffect(() => {
    if (!working || jobId === undefined) return undefined;
    const timer = window.setTimeout(() => {
      void api.get<OrgExportView>(`/org/export/${jobId}`).then(setJob, () => undefined);
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [working, jobId, job]);
  if (me.role !== 'owner') return null;
  return (
    <section className="panel" aria-labelledby="org-export-h">
      <h2 id="org-export-h">Export all data</h2>
      <p className="hint">
        Everything your organization keeps in Bulwark (customers, sites, work orders, invoices,
        messages, the audit log, and attached photos and files) as one ZIP file, personal data
        readable. Keep the file safe: it holds every customer&apos;s details. The link works for 24
        hours.
      </p>
      <button
        type="button"
        className="button-primary"
        disabled={start.busy || working}
        onClick={() => void start.run()}
      >
        {working ? 'Preparing the export…' : 'Export all data'}
      </button>
      <ErrorMessage error={start.error} />
      {job ? <ExportStatus job={job} /> : null}
    </section>
  );
}

function ExportStatus({ job }: { job: OrgExportView }) {
  if (job.status === 'queued') return <p role="status">Waiting to start…</p>;
  if (job.status === 'running')
    return (
      <p role="status">
        <progress
          max={job.tables_total || 1}
          value={job.tables_done}
          aria-label="Export progress"
        />{' '}
        {job.tables_done} of {job.tables_total || '…'} tables, {job.rows.toLocaleString()} rows
      </p>
    );
  if (job.status === 'failed')
    return <p role="alert">The export failed. Try again; if it fails again, contact support.</p>;
  if (job.status === 'expired')
    return <p role="status">This export&apos;s link has expired. Start a new export.</p>;
  return (
    <p role="status">
      Ready: {job.rows.toLocaleString()} rows and {job.files} files (
      {(job.size_bytes / 1048576).toFixed(1)} MB).{' '}
      {job.download_url ? (
        <a className="button-secondary" href={job.download_url} download>
          Download the ZIP
        </a>
      ) : null}{' '}
      {job.expires_at ? <>The link works until {formatDateTime(job.expires_at)}.</> : null}
    </p>
  );
}
