import { useState } from 'react';
import { api } from '../../api/client';
import { ASSET_STATUSES, type AssetPage, type AssetSummary } from '../../api/types';
import { Badge } from '../../components/Badge';
import { TextField } from '../../components/Field';
import { FilterSelect } from '../../components/FilterSelect';
import { LoadState } from '../../components/States';
import { humanize } from '../../format';
import { useApi } from '../../hooks/useApi';
import { Link } from '../../router/router';
import { assetTree } from './tree';

// Enough for a plant; beyond it the page says so and search narrows it.
const MAX_PAGES = 10;

async function allAssets(params: Record<string, string>, signal: AbortSignal) {
  const items: AssetSummary[] = [];
  let cursor: number | null | undefined = undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page: AssetPage = await api.get<AssetPage>(
      '/assets',
      { ...params, limit: 200, ...(cursor ? { cursor } : {}) },
      signal,
    );
    items.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) return { items, more: false };
  }
  return { items, more: true };
}

/** Every asset of the organization, in hierarchy order, with its status and open work. */
export function AssetList({ reloadKey }: { reloadKey: number }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [site, setSite] = useState('');
  const list = useApi(
    (signal) => allAssets({ ...(q ? { q } : {}), ...(status ? { status } : {}) }, signal),
    [q, status, reloadKey],
  );
  const sites = new Map<number, string>();
  for (const a of list.data?.items ?? [])
    sites.set(a.site_id, a.customer_name ? `${a.customer_name} — ${a.site_name}` : a.site_name);
  return (
    <section className="panel" aria-labelledby="assets-h">
      <h2 id="assets-h">Assets</h2>
      <form
        role="search"
        aria-label="Filter assets"
        className="filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          label="Search"
          type="search"
          placeholder="Asset, make, serial or customer"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <FilterSelect
          label="Status"
          any="Any status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={ASSET_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
        />
        <FilterSelect
          label="Site"
          any="Every site"
          value={site}
          onChange={(e) => setSite(e.target.value)}
          options={[...sites].map(([id, name]) => ({ value: String(id), label: name }))}
        />
      </form>
      <LoadState loaded={list} what="Loading assets">
        {(l) => {
          const shown = l.items.filter((a) => !site || String(a.site_id) === site);
          if (shown.length === 0)
            return (
              <p className="empty">
                {q || status || site
                  ? 'No asset matches these filters.'
                  : 'No assets yet: add one below or from a customer’s site.'}
              </p>
            );
          return (
            <>
              <AssetTable items={shown} />
              {l.more ? (
                <p className="hint">More assets exist: search to narrow the list.</p>
              ) : null}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

function AssetTable({ items }: { items: AssetSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table asset-table">
        <caption className="visually-hidden">Assets by site and area</caption>
        <thead>
          <tr>
            <th scope="col">Asset</th>
            <th scope="col">Site</th>
            <th scope="col">Under</th>
            <th scope="col">Status</th>
            <th scope="col">Open work orders</th>
          </tr>
        </thead>
        <tbody>
          {assetTree(items).map(({ asset: a, depth }) => (
            <tr
              key={a.id}
              className={
                depth > 0 ? `asset-tree-child asset-depth-${Math.min(depth, 4)}` : undefined
              }
            >
              <td data-label="Asset">
                {depth > 0 ? <span aria-hidden="true">└ </span> : null}
                <Link to={`/assets/${a.id}`}>{a.name}</Link>
                {a.type ? <span className="hint"> {a.type}</span> : null}
              </td>
              <td data-label="Site">
                {a.customer_name ? `${a.customer_name} — ` : ''}
                {a.site_name}
              </td>
              <td data-label="Under">{a.parent_name ?? '—'}</td>
              <td data-label="Status">
                <Badge kind="asset" value={a.status} />
              </td>
              <td data-label="Open work orders">{a.open_work_orders}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
