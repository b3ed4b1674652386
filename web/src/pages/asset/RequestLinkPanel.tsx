import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { RequestLinkView } from '../../api/types.gen';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { Link } from '../../router/router';

// The office (owner, admin, dispatcher): the QR label of an asset or a
// site. Whoever scans it can report a problem without an account; making a
// new link replaces the old one (the printed label stops working), and
// revoking leaves none.

export function RequestLinkPanel({ kind, id }: { kind: 'assets' | 'sites'; id: number }) {
  const base = `/${kind}/${id}/request-link`;
  const link = useApi(
    async (signal) => {
      try {
        return await api.get<RequestLinkView>(base, undefined, signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    [base],
  );
  const make = useAction(async () => {
    await api.post(base);
    link.reload();
  });
  const revoke = useAction(async () => {
    await api.post(`${base}/revoke`);
    link.reload();
  });
  const current = link.data;
  return (
    <section className="panel" aria-labelledby="request-link-h">
      <h2 id="request-link-h">Problem reports (QR label)</h2>
      {link.error !== undefined ? <ErrorMessage error={link.error} /> : null}
      {current ? (
        <>
          <p>
            A label made {formatDateTime(current.created_at)}. Anyone who scans it can report a
            problem; reports arrive in <Link to="/requests">Requests</Link>.
          </p>
          <p className="button-row">
            <Link className="button button-primary" to={`/${kind}/${id}/label`}>
              Print the label
            </Link>
            <button
              type="button"
              className="button-secondary"
              disabled={make.busy}
              onClick={() => {
                if (window.confirm('Make a new label? The printed one will stop working.'))
                  void make.run();
              }}
            >
              Replace the link
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={revoke.busy}
              onClick={() => void revoke.run()}
            >
              Turn off
            </button>
          </p>
        </>
      ) : current === null ? (
        <>
          <p className="empty">No label yet.</p>
          <button
            type="button"
            className="button button-primary"
            disabled={make.busy}
            onClick={() => void make.run()}
          >
            Make a QR label
          </button>
        </>
      ) : null}
      <ErrorMessage error={make.error ?? revoke.error} />
    </section>
  );
}
