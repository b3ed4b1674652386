import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import type { SmsSettings, SmsTemplate } from '../api/types';
import { SMS_PLACEHOLDERS } from '../api/types';
import { ErrorMessage, Notice } from '../components/ErrorMessage';
import { TextArea, TextField } from '../components/Field';
import { LoadState } from '../components/States';
import { humanize } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';

// Owners and admins (settings.manage): the organization's SMS number, the
// texts the server sends, and whether Twilio and Stripe are set up on the
// server (their keys live in the server's environment, never in the app).

/** The server's limit (three SMS segments). */
const MAX_TEMPLATE = 480;

export function MessagingSettingsPage() {
  const settings = useApi((signal) => api.get<SmsSettings>('/org/sms', undefined, signal), []);
  const templates = useApi((signal) => api.get<{ items: SmsTemplate[] }>('/sms-templates', undefined, signal), []);
  return (
    <section>
      <h1>Messaging</h1>
      <LoadState loaded={settings} what="Loading SMS settings">
        {(s) => (
          <>
            <ServerStatus settings={s} />
            <SmsNumberForm settings={s} onSaved={settings.setData} />
          </>
        )}
      </LoadState>
      <section className="panel" aria-labelledby="templates-h">
        <h2 id="templates-h">Message templates</h2>
        <p className="hint">
          Placeholders filled in when a text is sent: {SMS_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}. Any other text in braces is refused.
        </p>
        <LoadState loaded={templates} what="Loading templates">
          {(t) => (
            <>
              {t.items.map((tpl) => (
                <TemplateForm key={tpl.kind} template={tpl} />
              ))}
            </>
          )}
        </LoadState>
      </section>
    </section>
  );
}

function ServerStatus({ settings }: { settings: SmsSettings }) {
  return (
    <section className="panel" aria-labelledby="server-h">
      <h2 id="server-h">Server configuration</h2>
      <dl className="facts">
        <dt>Twilio (text messages)</dt>
        <dd>
          {settings.twilio_configured ? (
            <span className="config-ok">Configured</span>
          ) : (
            <>
              <span className="config-missing">Not configured</span>
              <span className="hint"> — texts stay queued until the server has BULWARK_TWILIO_ACCOUNT_SID and BULWARK_TWILIO_AUTH_TOKEN.</span>
            </>
          )}
        </dd>
        <dt>Stripe (online payment)</dt>
        <dd>
          {settings.payments_configured ? (
            <span className="config-ok">Configured</span>
          ) : (
            <>
              <span className="config-missing">Not configured</span>
              <span className="hint"> — payment links need BULWARK_STRIPE_API_KEY on the server.</span>
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}

function SmsNumberForm({ settings, onSaved }: { settings: SmsSettings; onSaved: (s: SmsSettings) => void }) {
  const [number, setNumber] = useState(settings.sms_number ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const save = useAction(async () => {
    setNotice(null);
    const updated = await api.put<SmsSettings>('/org/sms', { sms_number: number.trim() });
    onSaved(updated);
    setNumber(updated.sms_number ?? '');
    setNotice('SMS number saved.');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const taken = save.error instanceof ApiError && save.error.reason === 'sms_number_taken';
  return (
    <section className="panel" aria-labelledby="number-h">
      <h2 id="number-h">Organization SMS number</h2>
      <p>
        Texts to customers come from this number, and replies to it (YES, STOP, HELP) reach this organization.
        {settings.sms_number ? null : ' No number is set yet, so nothing can be sent.'}
      </p>
      <form onSubmit={submit} className="inline-form" noValidate>
        <TextField
          label="SMS number"
          type="tel"
          autoComplete="off"
          value={number}
          maxLength={32}
          placeholder="+15551234567"
          hint="In international format (E.164), e.g. +15551234567."
          onChange={(e) => setNumber(e.target.value)}
          error={save.fieldErrors.sms_number ?? (taken ? 'Another organization already uses this number.' : undefined)}
        />
        <button type="submit" className="button-primary" disabled={save.busy}>
          Save number
        </button>
        <ErrorMessage error={taken ? undefined : save.error} />
        <Notice text={notice} />
      </form>
    </section>
  );
}

function TemplateForm({ template }: { template: SmsTemplate }) {
  const [saved, setSaved] = useState(template);
  const [body, setBody] = useState(template.body);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useAction(async () => {
    setNotice(null);
    const updated = await api.put<{ kind: string; body: string; is_default: boolean }>(`/sms-templates/${encodeURIComponent(template.kind)}`, { body });
    setSaved({ ...saved, body: updated.body, is_default: updated.is_default });
    setBody(updated.body);
    setNotice('Template saved.');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const label = `${humanize(template.kind)} template`;
  const headingId = `tpl-${template.kind}-h`;
  return (
    <section className="template" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {humanize(template.kind)} {saved.is_default ? <span className="badge">Default</span> : <span className="badge badge-optin">Customized</span>}
      </h3>
      <form onSubmit={submit} noValidate>
        <TextArea label={label} hint={`${humanize(template.description)}.`} value={body} maxLength={MAX_TEMPLATE} onChange={(e) => setBody(e.target.value)} error={save.fieldErrors.body} />
        <button type="submit" className="button-secondary" disabled={save.busy || body === saved.body}>
          Save {humanize(template.kind).toLowerCase()} template
        </button>
        <ErrorMessage error={save.error} />
        <Notice text={notice} />
      </form>
    </section>
  );
}
