import { useState } from 'react';
import { api } from '../api/client';
import type { MyRequestView, RequestPlace } from '../api/types.gen';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField } from '../components/Field';
import { LoadState } from '../components/States';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { navigate } from '../router/router';
import { ProblemReportForm, useProblemReport } from './request-form/ProblemReportForm';

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
  const report = useProblemReport();
  const send = useAction(async () => {
    const [subject, id] = place.split(':');
    await api.post<MyRequestView>('/my/requests', { subject, id: Number(id), ...report.body() });
    navigate('/my-requests');
  });
  return (
    <ProblemReportForm
      report={report}
      errors={send.fieldErrors}
      busy={send.busy}
      onSend={() => void send.run()}
      phoneHint="To hear back by text."
      before={
        <SelectField
          label="Where"
          value={place}
          options={places.map((p) => ({ value: `${p.subject}:${p.id}`, label: p.name }))}
          onChange={(e) => setPlace(e.target.value)}
        />
      }
      error={<ErrorMessage error={send.error} />}
    />
  );
}
