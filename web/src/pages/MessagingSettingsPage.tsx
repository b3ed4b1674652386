import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api/client';
import type { SmsSettings, SmsTemplate } from '../api/types';
import { SMS_PLACEHOLDERS } from '../api/types';
import { ErrorMessage, Notice } from '../components/ErrorMessage';
import { TextArea, TextField } from '../components/Field';
import { LoadState } from '../components/States';
import { formatDateTime, humanize } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';

// Owners and admins (settings.manage): the organization's SMS number (shown,
// and asked of the operator; never set here), the texts the server sends,
// and whether Twilio and Stripe are set up on the server (their keys live in
// the server's environment, never in the app).

/** The server's limit (three SMS segments). */
const MAX_TEMPLATE = 480;
/** The server's limit for a number request's note. */
const MAX_REQUEST_NOTE = 500;

export function MessagingSettingsPage() {
  const settings = useApi((signal) => api.get<SmsSettings>('/org/sms', undefined, signal), []);
  const templates = useApi(
    (signal) => api.get<{ items: SmsTemplate[] }>('/sms-templates', undefined, signal),
    [],
  );
  return (
    <section>
      <h1>Messaging</h1>
      <LoadState loaded={settings} what="Loading SMS settings">
        {(s) => (
          <>
            <ServerStatus settings={s} />
            <SmsNumberPanel settings={s} onSaved={settings.setData} />
          </>
        )}
      </LoadState>
      <section className="panel" aria-labelledby="templates-h">
        <h2 id="templates-h">Message templates</h2>
        <p className="hint">
          Placeholders filled in when a text is sent:{' '}
          {SMS_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}. Any other text in braces is refused.
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

/** "Configured", or "Not configured" and what is missing. */
function ConfigState({ ok, children }: { ok: boolean; children: ReactNode }) {
  if (ok) return <span className="config-ok">Configured</span>;
  return (
    <>
      <span className="config-missing">Not configured</span>
      <span className="hint"> — {children}</span>
    </>
  );
}

function ServerStatus({ settings }: { settings: SmsSettings }) {
  return (
    <section className="panel" aria-labelledby="server-h">
      <h2 id="server-h">Server configuration</h2>
      <dl className="facts">
        <dt>Twilio (text messages)</dt>
        <dd>
          <ConfigState ok={settings.twilio_configured}>
            texts stay queued until the server has BULWARK_TWILIO_ACCOUNT_SID and
            BULWARK_TWILIO_AUTH_TOKEN.
          </ConfigState>
        </dd>
        <dt>Stripe (online payment)</dt>
        <dd>
          <ConfigState ok={settings.payments_configured}>
            payment links need BULWARK_STRIPE_API_KEY on the server.
          </ConfigState>
        </dd>
      </dl>
    </section>
  );
}

// The number is read-only here: it decides which organization receives
// inbound texts (STOPs included), so only the server's operator assigns it
// (`bulwark admin set-sms-number`). An admin can ask the operator for one.
function SmsNumberPanel({
  settings,
  onSaved,
}: {
  settings: SmsSettings;
  onSaved: (s: SmsSettings) => void;
}) {
  return (
    <section className="panel" aria-labelledby="number-h">
      <h2 id="number-h">Organization SMS number</h2>
      <p>
        Texts to customers come from this number, and replies to it (YES, STOP, HELP) reach this
        organization. The server&apos;s operator assigns it.
      </p>
      {settings.sms_number ? (
        <dl className="facts">
          <dt>Number</dt>
          <dd className="sms-number">{settings.sms_number}</dd>
          <dt>State</dt>
          <dd>
            {settings.sms_number_verified ? (
              <span className="config-ok">Verified in the Twilio account</span>
            ) : (
              <>
                <span className="config-unverified">Assigned without a Twilio check</span>
                <span className="hint">
                  {' '}
                  — the operator did not confirm that the server&apos;s Twilio account owns it.
                </span>
              </>
            )}
          </dd>
        </dl>
      ) : (
        <p className="warning">
          No number yet: texts cannot be sent until the operator assigns one.
        </p>
      )}
      <NumberRequest settings={settings} onSaved={onSaved} />
    </section>
  );
}

function NumberRequest({
  settings,
  onSaved,
}: {
  settings: SmsSettings;
  onSaved: (s: SmsSettings) => void;
}) {
  const pending = settings.number_request;
  const [areaCode, setAreaCode] = useState(pending?.area_code ?? '');
  const [note, setNote] = useState(pending?.note ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const save = useAction(async () => {
    setNotice(null);
    const updated = await api.post<SmsSettings>('/org/sms/request', {
      area_code: areaCode.trim(),
      note: note.trim(),
    });
    onSaved(updated);
    setAreaCode(updated.number_request?.area_code ?? '');
    setNote(updated.number_request?.note ?? '');
    setNotice(
      pending
        ? 'Request updated. The operator will assign a number.'
        : 'Request sent. The operator will assign a number.',
    );
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <section className="sms-request" aria-labelledby="request-h">
      <h3 id="request-h">Request a number</h3>
      {pending ? (
        <section className="pending-request" aria-labelledby="pending-h">
          <h4 id="pending-h">Pending request</h4>
          <dl className="facts">
            <dt>Area code</dt>
            <dd>{pending.area_code || 'Any'}</dd>
            <dt>Requested by</dt>
            <dd>{pending.requested_by}</dd>
            <dt>Requested</dt>
            <dd>
              <time dateTime={pending.requested_at}>{formatDateTime(pending.requested_at)}</time>
            </dd>
            {pending.note ? (
              <>
                <dt>Note</dt>
                <dd className="request-note">{pending.note}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : (
        <p className="hint">
          {settings.sms_number
            ? 'Need a different number? Ask the operator here.'
            : 'Ask the operator for a number; you can name the area code your customers know.'}
        </p>
      )}
      <form onSubmit={submit} className="narrow-form" noValidate>
        <TextField
          label="Area code"
          inputMode="numeric"
          autoComplete="off"
          value={areaCode}
          maxLength={3}
          placeholder="802"
          hint="Optional: three digits, e.g. 802. Leave empty for any."
          onChange={(e) => setAreaCode(e.target.value)}
          error={save.fieldErrors.area_code}
        />
        <TextArea
          label="Note for the operator"
          value={note}
          maxLength={MAX_REQUEST_NOTE}
          hint={`Optional, up to ${MAX_REQUEST_NOTE} characters.`}
          onChange={(e) => setNote(e.target.value)}
          error={save.fieldErrors.note}
        />
        <button type="submit" className="button-primary" disabled={save.busy}>
          {pending ? 'Update request' : 'Request a number'}
        </button>
        <ErrorMessage error={save.error} />
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
    const updated = await api.put<{ kind: string; body: string; is_default: boolean }>(
      `/sms-templates/${encodeURIComponent(template.kind)}`,
      { body },
    );
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
        {humanize(template.kind)}{' '}
        {saved.is_default ? (
          <span className="badge">Default</span>
        ) : (
          <span className="badge badge-optin">Customized</span>
        )}
      </h3>
      <form onSubmit={submit} noValidate>
        <TextArea
          label={label}
          hint={`${humanize(template.description)}.`}
          value={body}
          maxLength={MAX_TEMPLATE}
          onChange={(e) => setBody(e.target.value)}
          error={save.fieldErrors.body}
        />
        <button
          type="submit"
          className="button-secondary"
          disabled={save.busy || body === saved.body}
        >
          Save {humanize(template.kind).toLowerCase()} template
        </button>
        <ErrorMessage error={save.error} />
        <Notice text={notice} />
      </form>
    </section>
  );
}
