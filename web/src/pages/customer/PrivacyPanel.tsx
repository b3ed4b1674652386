import { useState } from 'react';
import { api } from '../../api/client';
import type { DoNotSellView, EraseCounts } from '../../api/types.gen';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';

/**
 * Data-subject rights on the customer page (issue 13): the CCPA "do not sell
 * or share" flag for the office, and for owners and admins the export
 * download and the erasure, which asks for the customer's name first.
 */
export function PrivacyPanel({
  customerId,
  customerName,
  canWrite,
  canManage,
  onErased,
}: {
  customerId: number;
  customerName: string;
  canWrite: boolean;
  canManage: boolean;
  onErased: () => void;
}) {
  const flag = useApi(
    (signal) => api.get<DoNotSellView>(`/customers/${customerId}/do-not-sell`, undefined, signal),
    [customerId],
  );
  const [error, setError] = useState<unknown>(null);
  const [erasing, setErasing] = useState(false);
  const view = flag.data;
  const toggle = async () => {
    if (!view) return;
    setError(null);
    try {
      const next = await api.put<DoNotSellView>(`/customers/${customerId}/do-not-sell`, {
        do_not_sell: !view.do_not_sell,
        source: 'office',
      });
      flag.setData(next);
    } catch (e) {
      setError(e);
    }
  };
  const last = view?.history[0];
  return (
    <section className="panel" aria-labelledby="privacy-h">
      <h2 id="privacy-h">Privacy</h2>
      {view ? (
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={view.do_not_sell}
              disabled={!canWrite}
              onChange={() => void toggle()}
            />{' '}
            Do not sell or share (CCPA)
          </label>
          {last ? (
            <span className="hint block">
              {last.do_not_sell ? 'Set' : 'Cleared'} {formatDateTime(last.changed_at)}
              {last.changed_by_name ? ` by ${last.changed_by_name}` : ''} (
              {last.source.replace('_', ' ')})
            </span>
          ) : null}
        </div>
      ) : null}
      <ErrorMessage error={error} />
      {canManage ? (
        <div className="actions">
          <a
            className="button button-secondary"
            href={`/api/v1/customers/${customerId}/export`}
            download
          >
            Export data
          </a>
          <button
            type="button"
            className="button-danger"
            aria-expanded={erasing}
            onClick={() => setErasing((e) => !e)}
          >
            Erase…
          </button>
        </div>
      ) : null}
      {erasing ? (
        <EraseDialog
          customerId={customerId}
          customerName={customerName}
          onCancel={() => setErasing(false)}
          onErased={onErased}
        />
      ) : null}
    </section>
  );
}

function EraseDialog({
  customerId,
  customerName,
  onCancel,
  onErased,
}: {
  customerId: number;
  customerName: string;
  onCancel: () => void;
  onErased: () => void;
}) {
  const [confirm, setConfirm] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<EraseCounts | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(await api.post<EraseCounts>(`/customers/${customerId}/erase`, { reason, confirm }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (done)
    return (
      <div role="status" className="notice">
        <p>
          Erased: {done.sites} site(s), {done.work_orders} work order(s), {done.messages} message(s)
          and {done.attachments} file(s). Invoices keep their amounts.
        </p>
        <button type="button" className="button-secondary" onClick={onErased}>
          Done
        </button>
      </div>
    );
  return (
    <div role="dialog" aria-labelledby="erase-h" className="panel">
      <h3 id="erase-h">Erase this customer</h3>
      <p>
        Removes their name, phones, email, addresses, notes, texts, photos and signatures, and the
        notes on their work orders. It cannot be undone.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="erase-reason">Reason</label>
          <input
            id="erase-reason"
            value={reason}
            required
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="erase-confirm">Type the customer&apos;s name to confirm</label>
          <span className="hint block">{customerName}</span>
          <input
            id="erase-confirm"
            value={confirm}
            autoComplete="off"
            onChange={(e) => setConfirm(e.target.value)}
          />
        </div>
        <ErrorMessage error={error} />
        <div className="actions">
          <button
            type="submit"
            className="button-danger"
            disabled={busy || confirm !== customerName || reason.trim() === ''}
          >
            Erase permanently
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
