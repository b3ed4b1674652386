import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { OrgSettings } from '../api/types.gen';
import { useSession } from '../auth/session';
import { ErrorMessage, Notice } from '../components/ErrorMessage';
import { SelectField } from '../components/Field';
import { LoadState } from '../components/States';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { allTimeZones, browserTimeZone } from '../time';
import { MailAndRatePanel } from './org/MailAndRatePanel';
import { InvoiceEmailPanel } from './org/InvoiceEmailPanel';
import { LogoPanel } from './org/LogoPanel';
import { RetentionPanel } from './org/RetentionPanel';
import { SsoPanel } from './org/SsoPanel';
import { TaxRatesPanel } from './org/TaxRatesPanel';
import { WorkingHoursPanel } from './org/WorkingHoursPanel';

// Owners and admins (settings.manage): the organization's time zone (every
// day boundary, and every time on screen and in customers' texts uses it),
// the Reply-To address of its mail, the labour rate, working hours and
// retention.

export function OrgSettingsPage() {
  const org = useApi((signal) => api.get<OrgSettings>('/org', undefined, signal), []);
  return (
    <section>
      <h1>Organization</h1>
      <LoadState loaded={org} what="Loading the organization">
        {(o) => (
          <>
            <TimeZonePanel org={o} onSaved={org.setData} />
            <MailAndRatePanel org={o} onSaved={org.setData} />
            <LogoPanel org={o} onSaved={org.setData} />
          </>
        )}
      </LoadState>
      <WorkingHoursPanel />
      <TaxRatesPanel />
      <RetentionPanel />
      <InvoiceEmailPanel />
      <SsoPanel />
    </section>
  );
}

function TimeZonePanel({ org, onSaved }: { org: OrgSettings; onSaved: (o: OrgSettings) => void }) {
  const session = useSession();
  const [zone, setZone] = useState(org.time_zone);
  const [done, setDone] = useState<string | null>(null);
  const browser = browserTimeZone();
  const zones = allTimeZones();
  const options = (zones.includes(org.time_zone) ? zones : [org.time_zone, ...zones]).map((z) => ({
    value: z,
    label: z.replace(/_/g, ' '),
  }));
  const save = useAction(async (next: string) => {
    setDone(null);
    const saved = await api.patch<OrgSettings>('/org', { time_zone: next });
    onSaved(saved);
    setZone(saved.time_zone);
    // The session carries the zone every page formats with.
    await session.refresh();
    setDone(`Times are now shown in ${saved.time_zone}.`);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(zone);
  };
  return (
    <section className="panel" aria-labelledby="tz-h">
      <h2 id="tz-h">Time zone</h2>
      <p className="hint">
        Days on My day and the dispatch board, reminders the day before, and the times in
        customers&apos; texts use this zone. Automated texts are sent between 8:00 and 21:00 in it.
      </p>
      {browser && browser !== org.time_zone ? (
        <p>
          This browser is in <strong>{browser}</strong>.{' '}
          <button
            type="button"
            className="button-secondary"
            disabled={save.busy}
            onClick={() => void save.run(browser)}
          >
            Use {browser}
          </button>
        </p>
      ) : null}
      <form onSubmit={submit} className="form-row" noValidate>
        <SelectField
          label="Organization time zone"
          value={zone}
          error={save.fieldErrors.time_zone}
          onChange={(e) => setZone(e.target.value)}
          options={options}
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button-primary"
            disabled={save.busy || zone === org.time_zone}
          >
            Save
          </button>
        </div>
      </form>
      <ErrorMessage error={save.error} />
      <Notice text={done} />
    </section>
  );
}
