import { useState } from 'react';
import { api } from '../../api/client';
import type { Asset, NewSite, Site } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextArea, TextField } from '../../components/Field';
import { SubmitRow } from '../../components/SubmitRow';
import { LoadState } from '../../components/States';
import { useForm } from '../../hooks/useForm';
import { useApi } from '../../hooks/useApi';
import { useMe } from '../../auth/session';
import { Link } from '../../router/router';
import { AccessNotes, NavigateLinks } from '../field/FieldLinks';
import { GateCode } from '../field/GateCode';
import { EditSiteForm } from './EditSiteForm';
import { ParentSelect } from '../asset/NewAssetPanel';

/** A customer's service sites, each with its assets; add sites and assets here. */
export function SitesPanel({ customerId, canWrite }: { customerId: number; canWrite: boolean }) {
  const sites = useApi(
    (signal) => api.get<{ items: Site[] }>(`/customers/${customerId}/sites`, undefined, signal),
    [customerId],
  );
  return (
    <section className="panel" aria-labelledby="sites-h">
      <h2 id="sites-h">Sites and assets</h2>
      <LoadState loaded={sites} what="Loading sites">
        {(s) => (
          <>
            {s.items.length === 0 ? <p className="empty">No sites yet.</p> : null}
            {s.items.map((site) => (
              <SiteBlock key={site.id} site={site} canWrite={canWrite} />
            ))}
          </>
        )}
      </LoadState>
      {canWrite ? <NewSiteForm customerId={customerId} onCreated={sites.reload} /> : null}
    </section>
  );
}

function SiteBlock({ site: loaded, canWrite }: { site: Site; canWrite: boolean }) {
  const [site, setSite] = useState(loaded);
  // Technicians may try: the server reveals the notes only to the one
  // assigned to open work at this site, and says so to anyone else.
  const canReveal = useMe().role === 'technician';
  const assets = useApi(
    (signal) => api.get<{ items: Asset[] }>(`/sites/${site.id}/assets`, undefined, signal),
    [site.id],
  );
  return (
    <div className="site">
      <h3>{site.name}</h3>
      <p className="prewrap">{site.address}</p>
      {site.gate_code ? <GateCode code={site.gate_code} /> : null}
      {site.access_notes ? <p className="hint prewrap">Access: {site.access_notes}</p> : null}
      {site.access_hidden ? <AccessNotes siteId={site.id} hidden canReveal={canReveal} /> : null}
      {site.address ? <NavigateLinks address={site.address} /> : null}
      <LoadState loaded={assets} what="Loading assets">
        {(a) =>
          a.items.length === 0 ? (
            <p className="empty">No assets at this site.</p>
          ) : (
            <ul className="plain-list">
              {a.items.map((asset) => (
                <li key={asset.id}>
                  <Link to={`/assets/${asset.id}`}>{asset.name}</Link>{' '}
                  {asset.type ? `(${asset.type})` : ''} {asset.make} {asset.model}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      {canWrite ? <EditSiteForm site={site} onSaved={setSite} /> : null}
      {canWrite ? <NewAssetForm siteId={site.id} onCreated={assets.reload} /> : null}
    </div>
  );
}

function NewSiteForm({ customerId, onCreated }: { customerId: number; onCreated: () => void }) {
  const blank = { name: '', address: '', access_notes: '', gate_code: '' };
  const form = useForm(blank, async (values, { reset }) => {
    const site: NewSite = values;
    await api.post(`/customers/${customerId}/sites`, site);
    reset();
    onCreated();
  });
  return (
    <details className="add-form">
      <summary>Add a site</summary>
      <form onSubmit={form.submit} noValidate>
        <TextField label="Site name" required maxLength={200} {...form.field('name')} />
        <TextArea label="Site address" required maxLength={500} {...form.field('address')} />
        <TextArea
          label="Access notes (gate codes, dogs)"
          maxLength={2000}
          {...form.field('access_notes')}
        />
        <TextField
          label="Gate code"
          maxLength={100}
          autoComplete="off"
          hint="Shown big on the technician's phone after they tap to reveal it."
          {...form.field('gate_code')}
        />
        <button type="submit" className="button-secondary" disabled={form.action.busy}>
          Add site
        </button>
        <ErrorMessage error={form.action.error} />
      </form>
    </details>
  );
}

const NO_ASSET = { name: '', type: '', make: '', model: '', serial: '', install_date: '' };

function NewAssetForm({ siteId, onCreated }: { siteId: number; onCreated: () => void }) {
  const [parent, setParent] = useState('');
  const form = useForm(NO_ASSET, async ({ install_date, ...rest }, { reset }) => {
    const body: Record<string, unknown> = { ...rest };
    if (install_date) body.install_date = install_date;
    if (parent) body.parent_id = Number(parent);
    await api.post(`/sites/${siteId}/assets`, body);
    reset();
    onCreated();
  });
  return (
    <details className="add-form">
      <summary>Add an asset</summary>
      <form onSubmit={form.submit} noValidate className="form-grid">
        <TextField label="Asset name" required maxLength={200} {...form.field('name')} />
        <ParentSelect siteId={String(siteId)} value={parent} onChange={setParent} />
        <TextField
          label="Asset type"
          maxLength={100}
          placeholder="Septic tank, pump…"
          {...form.field('type')}
        />
        <TextField label="Make" maxLength={100} {...form.field('make')} />
        <TextField label="Model" maxLength={100} {...form.field('model')} />
        <TextField label="Serial" maxLength={100} {...form.field('serial')} />
        <TextField label="Install date" type="date" {...form.field('install_date')} />
        <SubmitRow busy={form.action.busy} secondary>
          Add asset
        </SubmitRow>
        <ErrorMessage error={form.action.error} />
      </form>
    </details>
  );
}
