import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { PriceItemView } from '../../api/types.gen';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { dollarsToCents, KIND_OPTIONS, UNIT_OPTIONS } from './units';

/**
 * Adds an item (POST /price-items) or, given `item`, edits it (PATCH with
 * the version read; someone else's change meanwhile is a 409 shown as it is).
 */
export function PriceItemForm({
  item,
  onDone,
  onCancel,
}: {
  item?: PriceItemView;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(item?.name ?? '');
  const [kind, setKind] = useState(item?.kind ?? 'service');
  const [unit, setUnit] = useState(item?.unit ?? 'flat');
  const [price, setPrice] = useState(
    item?.unit_price_cents !== undefined ? (item.unit_price_cents / 100).toFixed(2) : '',
  );
  const [taxClass, setTaxClass] = useState(item?.tax_class ?? '');
  const save = useAction(async () => {
    const body: Record<string, unknown> = {
      name: name.trim(),
      kind,
      unit,
      unit_price_cents: dollarsToCents(price) ?? -1,
      tax_class: taxClass.trim() === '' ? null : taxClass.trim(),
    };
    if (item) await api.patch(`/price-items/${item.id}`, { ...body, version: item.version });
    else await api.post('/price-items', body);
    if (!item) {
      setName('');
      setPrice('');
      setTaxClass('');
    }
    onDone();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const label = item ? `Edit ${item.name}` : 'Add an item';
  return (
    <form className="panel price-item-form" onSubmit={submit} aria-label={label} noValidate>
      {item ? null : <h2>Add an item</h2>}
      <TextField
        label="Name"
        value={name}
        maxLength={200}
        required
        onChange={(e) => setName(e.target.value)}
        error={save.fieldErrors.name}
      />
      <SelectField
        label="Kind"
        options={KIND_OPTIONS}
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        error={save.fieldErrors.kind}
      />
      <SelectField
        label="Unit"
        options={UNIT_OPTIONS}
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
        error={save.fieldErrors.unit}
      />
      <TextField
        label="Price ($)"
        type="number"
        inputMode="decimal"
        min={0}
        step="0.01"
        required
        value={price}
        onChange={(e) => setPrice(e.target.value)}
        error={save.fieldErrors.unit_price_cents}
      />
      <TextField
        label="Tax class"
        hint="Optional, e.g. taxable or exempt"
        value={taxClass}
        maxLength={50}
        onChange={(e) => setTaxClass(e.target.value)}
        error={save.fieldErrors.tax_class}
      />
      <div className="button-row">
        <button
          type="submit"
          className="button-primary"
          disabled={save.busy || !name.trim() || price.trim() === ''}
        >
          {item ? 'Save item' : 'Add item'}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <ErrorMessage error={save.error} />
    </form>
  );
}
