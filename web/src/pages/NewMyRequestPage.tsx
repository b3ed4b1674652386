import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { MyRequestView, RequestPlace } from '../api/types.gen';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextArea, TextField } from '../components/Field';
import { LoadState } from '../components/States';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { navigate } from '../router/router';

// A requester reports a problem from inside the app: on one of the assets
// or sites the office labelled (the server lists only those), what is
// wrong, and a phone to hear back on. Their name comes from their account.

export function NewMyRequestPage() {
  const places = useApi(
    (signal) => api.get<{ items: RequestPlace[] }>('/my/request-places', undefined, signal),
    [],
  );
  return (
    <section>
      <h1>New request</h1>
      <LoadState loaded={places} what="Loading places">
        {(p) =>
          p.items.length === 0 ? (
            <p className="empty">Nothing to report on yet: ask the office to label the machines.</p>
          ) : (
            <NewRequestForm places={p.items} />
          )
        }
      </LoadState>
    </section>
  );
}

function NewRequestForm({ places }: { places: RequestPlace[] }) {
  const [place, setPlace] = useState(`${places[0]?.subject}:${places[0]?.id}`);
  const [description, setDescription] = useState('');
  const [phone, setPhone] = useState('');
  const send = useAction(async () => {
    const [subject, id] = place.split(':');
    await api.post<MyRequestView>('/my/requests', {
      subject,
      id: Number(id),
      description,
      ...(phone.trim() ? { phone } : {}),
    });
    navigate('/my-requests');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send.run();
  };
  return (
    <form onSubmit={submit} noValidate>
      <SelectField
        label="Where"
        value={place}
        options={places.map((p) => ({ value: `${p.subject}:${p.id}`, label: p.name }))}
        onChange={(e) => setPlace(e.target.value)}
      />
      <TextArea
        label="What is wrong?"
        value={description}
        rows={5}
        required
        maxLength={4000}
        error={send.fieldErrors.description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextField
        label="Your phone (optional)"
        hint="To hear back by text."
        value={phone}
        type="tel"
        autoComplete="tel"
        error={send.fieldErrors.phone}
        onChange={(e) => setPhone(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={send.busy}>
        Send
      </button>
      <ErrorMessage error={send.error} />
    </form>
  );
}
