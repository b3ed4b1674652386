import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Asset, NewSite, Site } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextArea, TextField } from '../../components/Field';
import { LoadState } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { useMe } from '../../auth/session';
import { Link } from '../../router/router';
import { AccessNotes, NavigateLinks } from '../field/FieldLinks';

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

function SiteBlock({ site, canWrite }: { site: Site; canWrite: boolean }) {
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
      {canWrite ? <NewAssetForm siteId={site.id} onCreated={assets.reload} /> : null}
    </div>
  );
}

function NewSiteForm({ customerId, onCreated }: { customerId: number; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [notes, setNotes] = useState('');
  const add = useAction(async () => {
    const site: NewSite = { name, address, access_notes: notes };
    await api.post(`/customers/${customerId}/sites`, site);
    setName('');
    setAddress('');
    setNotes('');
    onCreated();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <details className="add-form">
      <summary>Add a site</summary>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Site name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={add.fieldErrors.name}
        />
        <TextArea
          label="Site address"
          required
          maxLength={500}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          error={add.fieldErrors.address}
        />
        <TextArea
          label="Access notes (gate codes, dogs)"
          maxLength={2000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={add.fieldErrors.access_notes}
        />
        <button type="submit" className="button-secondary" disabled={add.busy}>
          Add site
        </button>
        <ErrorMessage error={add.error} />
      </form>
    </details>
  );
}

function NewAssetForm({ siteId, onCreated }: { siteId: number; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [make, setMake] = useState('');
  const [model, setModel] = useState('');
  const [serial, setSerial] = useState('');
  const [installDate, setInstallDate] = useState('');
  const add = useAction(async () => {
    const body: Record<string, unknown> = { name, type, make, model, serial };
    if (installDate) body.install_date = installDate;
    await api.post(`/sites/${siteId}/assets`, body);
    setName('');
    setType('');
    setMake('');
    setModel('');
    setSerial('');
    setInstallDate('');
    onCreated();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  const errors = add.fieldErrors;
  return (
    <details className="add-form">
      <summary>Add an asset</summary>
      <form onSubmit={submit} noValidate className="form-grid">
        <TextField
          label="Asset name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <TextField
          label="Asset type"
          maxLength={100}
          value={type}
          onChange={(e) => setType(e.target.value)}
          error={errors.type}
          placeholder="Septic tank, pump…"
        />
        <TextField
          label="Make"
          maxLength={100}
          value={make}
          onChange={(e) => setMake(e.target.value)}
          error={errors.make}
        />
        <TextField
          label="Model"
          maxLength={100}
          value={model}
          onChange={(e) => setModel(e.target.value)}
          error={errors.model}
        />
        <TextField
          label="Serial"
          maxLength={100}
          value={serial}
          onChange={(e) => setSerial(e.target.value)}
          error={errors.serial}
        />
        <TextField
          label="Install date"
          type="date"
          value={installDate}
          onChange={(e) => setInstallDate(e.target.value)}
          error={errors.install_date}
        />
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={add.busy}>
            Add asset
          </button>
        </div>
        <ErrorMessage error={add.error} />
      </form>
    </details>
  );
}
