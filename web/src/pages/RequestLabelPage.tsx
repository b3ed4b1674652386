import { api } from '../api/client';
import type { RequestLinkView } from '../api/types.gen';
import { LoadState } from '../components/States';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';

// A printable label: the asset's (or site's) name, the QR code the server
// draws (GET .../request-link/qr.svg) and one line saying what it is for.
// The print style sheet prints the label alone.

export function RequestLabelPage({ kind, id }: { kind: 'assets' | 'sites'; id: number }) {
  const base = `/${kind}/${id}/request-link`;
  const link = useApi((signal) => api.get<RequestLinkView>(base, undefined, signal), [base]);
  return (
    <LoadState loaded={link} what="Loading the label">
      {(l) => (
        <section>
          <p className="breadcrumb no-print">
            <Link to={kind === 'assets' ? `/assets/${id}` : '/assets'}>Back</Link>
          </p>
          <div className="request-label">
            <p className="request-label-name">{l.name}</p>
            <img
              className="request-label-qr"
              src={`/api/v1${base}/qr.svg`}
              alt={`QR code of ${l.url}`}
              width={240}
              height={240}
            />
            <p className="request-label-call">Scan to report a problem</p>
          </div>
          <p className="no-print">
            <button type="button" className="button button-primary" onClick={() => window.print()}>
              Print
            </button>
          </p>
        </section>
      )}
    </LoadState>
  );
}
