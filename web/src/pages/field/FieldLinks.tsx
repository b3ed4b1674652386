import { useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { SiteAccessView } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../hooks/useAction';
import { formatPhone, mapLinks, smsHref, telHref } from '../../phone';
import { GateCode } from './GateCode';

// One-tap actions at the gate: navigate to the site, call or text the
// customer, and reveal the site's access notes (gate code, dog, lid).

export function NavigateLinks({ address }: { address: string }) {
  const links = mapLinks(address);
  return (
    <p className="field-links" aria-label="Navigate to the site">
      <a className="button button-secondary" href={links.google} target="_blank" rel="noreferrer">
        Google Maps
      </a>
      <a className="button button-secondary" href={links.apple} target="_blank" rel="noreferrer">
        Apple Maps
      </a>
      <a className="button button-secondary" href={links.geo}>
        Map app
      </a>
    </p>
  );
}

export function PhoneLinks({ phone }: { phone: string }) {
  return (
    <p className="field-links">
      <span className="phone">{formatPhone(phone)}</span>{' '}
      <a className="button button-secondary" href={telHref(phone)} aria-label="Call the customer">
        Call
      </a>
      <a className="button button-secondary" href={smsHref(phone)} aria-label="Text the customer">
        Text
      </a>
    </p>
  );
}

/**
 * The office sees the notes with the site; everyone else is told they exist
 * (access_hidden), and the technician assigned to open work there reveals
 * them with one tap (the server audits it once a day and refuses others).
 */
export function AccessNotes({
  siteId,
  notes,
  gateCode,
  hidden,
  canReveal,
}: {
  siteId: number;
  notes?: string | null;
  gateCode?: string | null;
  hidden: boolean;
  canReveal: boolean;
}) {
  const [revealed, setRevealed] = useState<SiteAccessView | null>(null);
  const [refused, setRefused] = useState(false);
  const reveal = useAction(async () => {
    try {
      const res = await api.post<SiteAccessView>(`/sites/${siteId}/access/reveal`);
      setRevealed(res);
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) {
        setRefused(true);
        return;
      }
      throw err;
    }
  });
  if (revealed)
    return (
      <>
        <GateCode code={revealed.gate_code} />
        <p className="access-notes prewrap">{revealed.access_notes || 'No access notes.'}</p>
      </>
    );
  if (notes !== null && notes !== undefined)
    return (
      <>
        {gateCode ? <GateCode code={gateCode} /> : null}
        <p className="access-notes prewrap">{notes || 'No access notes.'}</p>
      </>
    );
  if (!hidden) return <p className="hint">No access notes.</p>;
  if (refused)
    return (
      <p className="warning">
        Only the technician assigned to open work at this site sees its access notes.
      </p>
    );
  if (!canReveal) return <p className="hint">Access notes are kept for the assigned technician.</p>;
  return (
    <div>
      <button
        type="button"
        className="button-secondary button-block"
        disabled={reveal.busy}
        onClick={() => void reveal.run()}
      >
        Show gate code and access notes
      </button>
      <ErrorMessage error={reveal.error} />
    </div>
  );
}
