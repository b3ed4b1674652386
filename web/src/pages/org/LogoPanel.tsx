import { useRef, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { OrgSettings } from '../../api/types.gen';
import { ApiError } from '../../api/errors';
import { uploadErrorMessage, uploadFile } from '../../api/upload';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../hooks/useAction';

// The logo at the top of the organization's invoices and pump-out reports
// (issue 14 item 2). The server scans and re-encodes the picture and keeps a
// PNG of at most 600 x 240 pixels; SVG and PDF are refused.

const LOGO_MESSAGES: Record<string, string> = {
  unsupported_type: 'The logo must be a picture: PNG, JPEG, WebP or HEIC (not SVG or PDF).',
};

export function LogoPanel({
  org,
  onSaved,
}: {
  org: OrgSettings;
  onSaved: (o: OrgSettings) => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useAction(async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    onSaved(await uploadFile<OrgSettings>('/org/logo', form, 'PUT'));
    if (fileInput.current) fileInput.current.value = '';
  });
  const remove = useAction(async () => {
    await api.del('/org/logo');
    onSaved(await api.get<OrgSettings>('/org'));
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (file) void upload.run(file);
  };
  const error = upload.error ?? remove.error;
  const reason = error instanceof ApiError ? (error.reason ?? '') : '';
  return (
    <section className="panel" aria-labelledby="logo-h">
      <h2 id="logo-h">Logo</h2>
      <p className="hint">Shown at the top of your invoices and pump-out reports.</p>
      {org.logo_url ? (
        <p>
          <img className="org-logo" src={org.logo_url} alt={`${org.name} logo`} />
        </p>
      ) : (
        <p className="empty">No logo yet: documents show your organization&apos;s name only.</p>
      )}
      <form onSubmit={onSubmit} className="attachment-form" aria-label="Upload a logo">
        <label>
          Logo picture
          <input
            ref={fileInput}
            type="file"
            name="file"
            accept="image/png,image/jpeg,image/webp,image/heic"
            required
          />
        </label>
        <div className="button-row">
          <button type="submit" disabled={upload.busy}>
            {upload.busy ? 'Uploading…' : org.logo_url ? 'Replace logo' : 'Upload logo'}
          </button>
          {org.logo_url ? (
            <button
              type="button"
              className="button-secondary"
              disabled={remove.busy}
              onClick={() => void remove.run()}
            >
              Remove logo
            </button>
          ) : null}
        </div>
      </form>
      <ErrorMessage
        error={
          error === undefined
            ? undefined
            : (LOGO_MESSAGES[reason] ?? uploadErrorMessage(error) ?? error)
        }
      />
    </section>
  );
}
