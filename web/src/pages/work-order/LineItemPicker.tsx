import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { PriceItemView } from '../../api/types.gen';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { priceText, unitWord } from '../price-book/units';
import { refusedAsInvoiced } from './useWorkOrderInvoice';

const SHOWN = 8;

/**
 * Adds a line item from the price book: search by name, pick (large
 * buttons, for a thumb), type the quantity in the item's unit. The name,
 * unit and price come from the book (the server copies them); technicians
 * see no prices, only names and units.
 */
export function LineItemPicker({
  woId,
  onAdded,
  onInvoiced,
}: {
  woId: number;
  onAdded: () => void;
  onInvoiced: () => void;
}) {
  const book = useApi(
    (signal) => api.get<{ items: PriceItemView[] }>('/price-items', undefined, signal),
    [],
  );
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<PriceItemView | null>(null);
  const [quantity, setQuantity] = useState('1');
  const add = useAction(async () => {
    if (!chosen) return;
    await refusedAsInvoiced(
      api.post(`/work-orders/${woId}/parts`, {
        price_item_id: chosen.id,
        quantity: Number(quantity),
      }),
      onInvoiced,
    );
    setChosen(null);
    setSearch('');
    setQuantity('1');
    onAdded();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  const items = book.data?.items ?? [];
  if (book.data && items.length === 0) return null; // no book yet: parts by name only
  const term = search.trim().toLowerCase();
  const matches = items.filter((i) => i.name.toLowerCase().includes(term)).slice(0, SHOWN);
  const unit = chosen ? unitWord(chosen.unit, Number(quantity)) : '';
  return (
    <form onSubmit={submit} className="line-item-picker" aria-label="Add from the price book">
      <h3>From the price book</h3>
      {chosen ? (
        <>
          <p>
            <strong>{chosen.name}</strong> · {priceText(chosen)}{' '}
            <button
              type="button"
              className="button-secondary button-small"
              onClick={() => setChosen(null)}
            >
              Change
            </button>
          </p>
          <TextField
            label={unit ? `Quantity (${unit})` : 'Quantity'}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            required
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            error={add.fieldErrors.quantity}
          />
          <button
            type="submit"
            className="button-primary"
            disabled={add.busy || !(Number(quantity) > 0)}
          >
            Add {chosen.name}
          </button>
        </>
      ) : (
        <>
          <TextField
            label="Search the price book"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <ul className="plain-list picker-list">
            {matches.map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  className="button-secondary picker-choice"
                  onClick={() => {
                    setChosen(i);
                    setQuantity(i.unit === 'gallon' ? '' : '1');
                  }}
                >
                  {i.name} <span className="hint">{priceText(i)}</span>
                </button>
              </li>
            ))}
          </ul>
          {matches.length === 0 && term ? (
            <p className="empty">Nothing in the book matches.</p>
          ) : null}
        </>
      )}
      <ErrorMessage error={add.error ?? book.error} />
    </form>
  );
}
