import { useState } from 'react';
import { api } from '../api/client';
import type { AssetCostsReport, MttrReport, PmComplianceReport } from '../api/types';
import { TextField } from '../components/Field';
import { LoadState } from '../components/States';
import { useApi } from '../hooks/useApi';
import { AssetCostTable } from './reports/AssetCostTable';
import { MttrTable } from './reports/MttrTable';
import { PmComplianceTable } from './reports/PmComplianceTable';

// The maintenance reports (issue 14 item 7) for the office: PM compliance,
// mean time to repair and cost per asset over a window of the
// organization's local dates (the server's default: the last 90 days).
export function ReportsPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const params: Record<string, string> = {};
  if (from) params.from = from;
  if (to) params.to = to;
  const deps = [from, to];
  const pm = useApi(
    (signal) => api.get<PmComplianceReport>('/reports/pm-compliance', params, signal),
    deps,
  );
  const mttr = useApi((signal) => api.get<MttrReport>('/reports/mttr', params, signal), deps);
  const costs = useApi(
    (signal) => api.get<AssetCostsReport>('/reports/asset-costs', params, signal),
    deps,
  );
  return (
    <section className="reports">
      <h1>Maintenance reports</h1>
      <div className="form-grid panel" role="group" aria-label="Dates">
        <TextField
          label="From"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <section className="panel" aria-labelledby="pm-compliance-h">
        <h2 id="pm-compliance-h">PM compliance</h2>
        <LoadState loaded={pm} what="Loading PM compliance">
          {(r) => <PmComplianceTable report={r} />}
        </LoadState>
      </section>
      <section className="panel" aria-labelledby="mttr-h">
        <h2 id="mttr-h">Mean time to repair</h2>
        <LoadState loaded={mttr} what="Loading mean time to repair">
          {(r) => <MttrTable report={r} />}
        </LoadState>
      </section>
      <section className="panel" aria-labelledby="costs-h">
        <h2 id="costs-h">Cost per asset</h2>
        <LoadState loaded={costs} what="Loading cost per asset">
          {(r) => <AssetCostTable report={r} />}
        </LoadState>
      </section>
    </section>
  );
}
