import { useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { AttachmentView } from '../api/types.gen';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { uploadErrorMessage, uploadFile } from '../api/upload';
import { formatDateTime } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { ErrorMessage } from './ErrorMessage';
import { LoadState } from './States';

type Owner = 'work-orders' | 'assets';

/**
 * Photos and PDFs on a work order or an asset: a file chooser that opens the
 * phone's camera, a list with thumbnails and captions, and removal (the
 * server lets the uploader or the office remove a file).
 */
export function AttachmentsPanel({ owner, ownerId }: { owner: Owner; ownerId: number }) {
  const me = useMe();
  const canWrite = can(me, 'work_orders.write');
  const isOffice = me.role !== 'technician';
  const path = `/${owner}/${ownerId}/attachments`;
  const list = useApi(
    (signal) => api.get<{ items: AttachmentView[] }>(path, undefined, signal),
    [path],
  );
  const fileInput = useRef<HTMLInputElement>(null);
  const [caption, setCaption] = useState('');
  const upload = useAction(async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    if (caption.trim()) form.append('caption', caption.trim());
    await uploadFile<AttachmentView>(path, form);
    setCaption('');
    if (fileInput.current) fileInput.current.value = '';
    list.reload();
  });
  const remove = useAction(async (id: number) => {
    await api.del(`/attachments/${id}`);
    list.reload();
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (file) void upload.run(file);
  };
  const error = upload.error ?? remove.error;

  return (
    <section className="panel" aria-labelledby={`attachments-h-${owner}`}>
      <h2 id={`attachments-h-${owner}`}>Photos and files</h2>
      <LoadState loaded={list} what="Loading photos and files">
        {(l) =>
          l.items.length === 0 ? (
            <p className="empty">No photos or files yet.</p>
          ) : (
            <ul className="attachments">
              {l.items.map((a) => (
                <li key={a.id}>
                  <a href={a.url} target="_blank" rel="noopener noreferrer">
                    {a.thumbnail_url ? (
                      <img src={a.thumbnail_url} alt={a.caption || a.original_name} width={96} />
                    ) : (
                      <span className="file-icon">PDF</span>
                    )}
                  </a>
                  <span>
                    {a.caption || a.original_name || 'File'}
                    <br />
                    <small>{formatDateTime(a.created_at)}</small>
                  </span>
                  {canWrite && (isOffice || a.uploaded_by === me.user.id) ? (
                    <button
                      type="button"
                      className="link-button"
                      disabled={remove.busy}
                      onClick={() => void remove.run(a.id)}
                    >
                      Remove
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      {canWrite ? (
        <form onSubmit={onSubmit} className="attachment-form">
          <label>
            Photo or PDF
            <input
              ref={fileInput}
              type="file"
              name="file"
              accept="image/*,application/pdf"
              capture="environment"
              required
            />
          </label>
          <label>
            Caption (optional)
            <input
              type="text"
              value={caption}
              maxLength={500}
              onChange={(e) => setCaption(e.target.value)}
            />
          </label>
          <button type="submit" disabled={upload.busy}>
            {upload.busy ? 'Uploading…' : 'Upload'}
          </button>
        </form>
      ) : null}
      <ErrorMessage
        error={error === undefined ? undefined : (uploadErrorMessage(error) ?? error)}
      />
    </section>
  );
}
