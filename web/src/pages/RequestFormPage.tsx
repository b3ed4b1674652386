import { useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import type { RequestForm, RequestReceived } from '../api/types.gen';
import { uploadErrorMessage, uploadFile } from '../api/upload';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/Field';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { ProblemReportForm, useProblemReport } from './request-form/ProblemReportForm';

// The page an asset's QR label opens (/r/{token}) on the phone of whoever
// stands at the machine: no sign-in, no navigation, nothing of the
// organization but the asset's name, and a form: name, phone, what is
// wrong, and up to five photos. Opening it changes nothing; sending is the
// form's POST (multipart when there are photos: the server scans each).

/** As many photos as the server takes with one request. */
export const MAX_PHOTOS = 5;

/** The token of /r/{token}, or null for any other path. */
export function requestLinkToken(path: string): string | null {
  const m = /^\/r\/([A-Za-z0-9_-]{1,128})$/.exec(path);
  return m?.[1] ?? null;
}

export function RequestFormPage({ token }: { token: string }) {
  const form = useApi(
    (signal) => api.get<RequestForm>(`/public/requests/${token}`, undefined, signal),
    [token],
  );
  if (form.error !== undefined) return <Shell>{gone(form.error)}</Shell>;
  if (!form.data) {
    return (
      <Shell>
        <p role="status">Loading…</p>
      </Shell>
    );
  }
  return (
    <Shell>
      <FileRequest token={token} subject={form.data} />
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return <main className="customer-link request-form">{children}</main>;
}

function gone(error: unknown) {
  if (error instanceof ApiError && error.status === 429)
    return <p role="alert">Too many tries. Please wait a minute and scan the label again.</p>;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <>
        <h1>This label no longer works</h1>
        <p>It may have been replaced. Please tell the maintenance office.</p>
      </>
    );
  }
  return <ErrorMessage error={error} />;
}

function FileRequest({ token, subject }: { token: string; subject: RequestForm }) {
  const [name, setName] = useState('');
  const report = useProblemReport();
  const [photos, setPhotos] = useState<File[]>([]);
  const [sent, setSent] = useState(false);
  const send = useAction(async () => {
    const body = { token, name, ...report.body() };
    if (photos.length === 0) {
      await api.post<RequestReceived>('/public/requests', body);
    } else {
      const form = new FormData();
      form.append('request', JSON.stringify(body));
      // photo1, photo2, ...: the server's multipart parser refuses a repeated name.
      photos.forEach((p, i) => form.append(`photo${i + 1}`, p, p.name));
      await uploadFile<RequestReceived>('/public/requests/with-photos', form);
    }
    setSent(true);
  });
  const photoError =
    send.error instanceof ApiError && send.error.reason === 'too_many_photos'
      ? `At most ${MAX_PHOTOS} photos.`
      : uploadErrorMessage(send.error);
  if (sent) {
    return (
      <section aria-labelledby="sent-h">
        <h1 id="sent-h">Thank you</h1>
        <p className="customer-link-done" role="status">
          Your request about {subject.name} was sent to the maintenance office.
        </p>
        {report.phone.trim() ? <p>They may text you at {report.phone}.</p> : null}
      </section>
    );
  }
  return (
    <ProblemReportForm
      aria-labelledby="request-h"
      report={report}
      errors={send.fieldErrors}
      busy={send.busy}
      onSend={() => void send.run()}
      phoneHint="To hear back by text. Reply STOP to any text to stop them."
      buttonClassName="button button-primary customer-link-button"
      before={
        <>
          <p className="customer-link-org">{subject.name}</p>
          <h1 id="request-h">Report a problem</h1>
        </>
      }
      between={
        <TextField
          label="Your name"
          value={name}
          required
          maxLength={200}
          autoComplete="name"
          error={send.fieldErrors.name}
          onChange={(e) => setName(e.target.value)}
        />
      }
      after={
        <>
          <TextField
            label={`Photos (optional, up to ${MAX_PHOTOS})`}
            type="file"
            accept="image/*"
            multiple
            onChange={(e) => setPhotos(Array.from(e.target.files ?? []).slice(0, MAX_PHOTOS))}
          />
          {photos.length > 0 ? (
            <p className="hint">
              {photos.length} photo{photos.length === 1 ? '' : 's'} chosen
            </p>
          ) : null}
        </>
      }
      error={
        photoError ? (
          <p className="error" role="alert">
            {photoError}
          </p>
        ) : (
          <ErrorMessage error={send.error} />
        )
      }
    />
  );
}
