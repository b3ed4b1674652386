import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { InvoiceEmailTemplate } from '../../api/types.gen';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { TextArea, TextField } from '../../components/Field';
import { LoadState } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';

// Owners and admins: the email that carries an invoice (issue 14 item 2).
// The server fills the placeholders (HTML-escaped in the HTML part), refuses
// unknown ones and a body without {link}, and audits every change.

export function InvoiceEmailPanel() {
  const template = useApi(
    (signal) => api.get<InvoiceEmailTemplate>('/org/invoice-email', undefined, signal),
    [],
  );
  return (
    <section className="panel" aria-labelledby="invoice-email-h">
      <h2 id="invoice-email-h">Invoice email</h2>
      <LoadState loaded={template} what="Loading the invoice email">
        {(t) => <InvoiceEmailForm template={t} onSaved={template.setData} />}
      </LoadState>
    </section>
  );
}

function InvoiceEmailForm({
  template,
  onSaved,
}: {
  template: InvoiceEmailTemplate;
  onSaved: (t: InvoiceEmailTemplate) => void;
}) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [done, setDone] = useState<string | null>(null);
  const save = useAction(async () => {
    setDone(null);
    onSaved(await api.put<InvoiceEmailTemplate>('/org/invoice-email', { subject, body }));
    setDone('Invoice email saved.');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form onSubmit={submit} noValidate>
      <p className="hint">
        {template.is_default ? 'The built-in text is in use. ' : ''}
        Placeholders: {template.placeholders.join(', ')}. The invoice PDF is attached.
      </p>
      <TextField
        label="Subject"
        value={subject}
        maxLength={200}
        onChange={(e) => setSubject(e.target.value)}
        error={save.fieldErrors.subject}
      />
      <TextArea
        label="Message"
        rows={10}
        value={body}
        maxLength={5000}
        onChange={(e) => setBody(e.target.value)}
        error={save.fieldErrors.body}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.busy}>
          Save invoice email
        </button>
      </div>
      <ErrorMessage error={save.error} />
      <Notice text={done} />
    </form>
  );
}
