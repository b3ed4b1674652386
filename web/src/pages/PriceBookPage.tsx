import { useState } from 'react';
import { api } from '../api/client';
import type { PriceItemView } from '../api/types.gen';
import { ErrorMessage } from '../components/ErrorMessage';
import { CheckboxField } from '../components/Field';
import { LoadState } from '../components/States';
import { humanize } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { PriceItemForm } from './price-book/PriceItemForm';
import { priceText } from './price-book/units';

// Owners and admins: the services and products the company charges for.
// Work orders take their line items from here (technicians pick by name),
// and the invoice bills them. Archiving an item takes it out of the picker;
// work orders already priced keep their price.

export function PriceBookPage() {
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const list = useApi(
    (signal) =>
      api.get<{ items: PriceItemView[] }>(
        '/price-items',
        { active: showArchived ? 'all' : 'true' },
        signal,
      ),
    [showArchived],
  );
  const archive = useAction(async (item: PriceItemView) => {
    await api.post(`/price-items/${item.id}/archive`, { version: item.version });
    list.reload();
  });
  return (
    <section>
      <h1>Price book</h1>
      <p className="hint">
        What you charge for: pump-outs, trip and disposal fees, parts, labour by the hour.
        Technicians add these to a job by name; the invoice bills them at these prices.
      </p>
      <CheckboxField
        label="Show archived items"
        checked={showArchived}
        onChange={(e) => setShowArchived(e.target.checked)}
      />
      <LoadState loaded={list} what="Loading the price book">
        {(l) => (
          <>
            {l.items.length === 0 ? (
              <p className="empty">No items yet: add the first below.</p>
            ) : null}
            <ul className="plain-list price-book-list">
              {l.items.map((i) =>
                editing === i.id ? (
                  <li key={i.id}>
                    <PriceItemForm
                      item={i}
                      onDone={() => {
                        setEditing(null);
                        list.reload();
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  </li>
                ) : (
                  <li key={i.id} className="price-book-row">
                    <span>
                      <strong>{i.name}</strong> · {priceText(i)}
                      <span className="hint">
                        {' '}
                        {humanize(i.kind)}
                        {i.tax_class ? ` · tax: ${i.tax_class}` : ''}
                        {i.active ? '' : ' · archived'}
                      </span>
                    </span>
                    {i.active ? (
                      <span className="button-row">
                        <button
                          type="button"
                          className="button-secondary"
                          aria-label={`Edit ${i.name}`}
                          onClick={() => setEditing(i.id)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="button-secondary"
                          aria-label={`Archive ${i.name}`}
                          disabled={archive.busy}
                          onClick={() => void archive.run(i)}
                        >
                          Archive
                        </button>
                      </span>
                    ) : null}
                  </li>
                ),
              )}
            </ul>
            <ErrorMessage error={archive.error} />
            <PriceItemForm onDone={list.reload} />
          </>
        )}
      </LoadState>
    </section>
  );
}
