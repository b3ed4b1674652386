import { useState, type FormEvent } from 'react';
import type { WorkOrderDetails } from '../../api/types';
import { useMe } from '../../auth/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextArea } from '../../components/Field';
import { formatDateTime } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useDraft } from '../../offline/drafts';
import { SAVED_OFFLINE_MESSAGE, sendOrQueue } from '../../offline/outbox';

export function CommentsPanel({
  woId,
  comments,
  canWrite,
  onChanged,
}: {
  woId: number;
  comments: WorkOrderDetails['comments'];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const userId = useMe().user.id;
  // Kept through a session expiry; queued when offline (offline/outbox.ts).
  const [body, setBody] = useDraft(userId, `${woId}.comment`);
  const [queued, setQueued] = useState(false);
  const add = useAction(async () => {
    const how = await sendOrQueue(userId, {
      kind: 'comment',
      woId,
      method: 'POST',
      path: `/work-orders/${woId}/comments`,
      body: { body },
      label: `Comment: ${body.length > 60 ? `${body.slice(0, 60)}…` : body}`,
    });
    setBody('');
    setQueued(how === 'queued');
    if (how === 'sent') onChanged();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <section className="panel" aria-labelledby="comments-h">
      <h2 id="comments-h">Comments</h2>
      {comments.length === 0 ? <p className="empty">No comments yet.</p> : null}
      <ol className="comments">
        {comments.map((c) => (
          <li key={c.id} className="comment">
            <p className="comment-meta">
              <strong>{c.author_name}</strong> ·{' '}
              <time dateTime={c.created_at}>{formatDateTime(c.created_at)}</time>
            </p>
            <p className="comment-body">{c.body}</p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <form onSubmit={submit}>
          <TextArea
            label="Add a comment"
            value={body}
            maxLength={5000}
            required
            onChange={(e) => setBody(e.target.value)}
            error={add.fieldErrors.body}
          />
          <button type="submit" className="button-secondary" disabled={add.busy || !body.trim()}>
            Post comment
          </button>
          {queued ? (
            <p className="hint" role="status">
              {SAVED_OFFLINE_MESSAGE}
            </p>
          ) : null}
          <ErrorMessage error={add.error} />
        </form>
      ) : null}
    </section>
  );
}
