import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { WorkOrderDetails } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { formatMoney } from '../../format';
import { useAction } from '../../hooks/useAction';
import { LineItemPicker } from './LineItemPicker';
import { refusedAsInvoiced } from './useWorkOrderInvoice';
import { unitWord } from '../price-book/units';

type Part = WorkOrderDetails['parts'][number];

/** Dollars typed by a person -> cents, or undefined when empty. */
function toCents(dollars: string): number | undefined {
  return dollars.trim() === '' ? undefined : Math.round(Number(dollars) * 100);
}

/**
 * Technicians record what they used (name and quantity; the server refuses
 * a technician's price with 403 technician_cannot_price). The office (who
 * sees prices: dispatchers and above) also sets the unit cost when adding,
 * and sets or corrects a part's price, name and quantity until the work
 * order is invoiced.
 */
export function PartsPanel({
  woId,
  parts,
  canWrite,
  seesPrices,
  onChanged,
  onInvoiced,
}: {
  woId: number;
  parts: WorkOrderDetails['parts'];
  canWrite: boolean;
  seesPrices: boolean;
  onChanged: () => void;
  onInvoiced: () => void;
}) {
  const [name, setName] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [unitCost, setUnitCost] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const add = useAction(async () => {
    const body: Record<string, unknown> = { name, quantity: Number(quantity) };
    const cents = seesPrices ? toCents(unitCost) : undefined;
    if (cents !== undefined) body.unit_cost_cents = cents;
    await refusedAsInvoiced(api.post(`/work-orders/${woId}/parts`, body), onInvoiced);
    setName('');
    setQuantity('1');
    setUnitCost('');
    onChanged();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  const canEdit = canWrite && seesPrices;
  return (
    <section className="panel" aria-labelledby="parts-h">
      <h2 id="parts-h">Parts</h2>
      {parts.length === 0 ? <p className="empty">No parts recorded.</p> : null}
      <ul className="plain-list parts-list">
        {parts.map((p) => (
          <li key={p.id}>
            {editing === p.id ? (
              <PartEditForm
                woId={woId}
                part={p}
                onDone={() => {
                  setEditing(null);
                  onChanged();
                }}
                onCancel={() => setEditing(null)}
                onInvoiced={onInvoiced}
              />
            ) : (
              <>
                <span>
                  {p.quantity}
                  {p.unit && unitWord(p.unit, p.quantity)
                    ? ` ${unitWord(p.unit, p.quantity)}`
                    : ''}{' '}
                  × {p.name}
                  {p.unit_cost_cents !== undefined
                    ? p.unit_cost_cents > 0
                      ? ` at ${formatMoney(p.unit_cost_cents, p.currency)}`
                      : ' · no price yet'
                    : ''}
                </span>
                {canEdit ? (
                  <button
                    type="button"
                    className="button-secondary button-small"
                    aria-label={`Edit part ${p.name}`}
                    onClick={() => setEditing(p.id)}
                  >
                    Edit
                  </button>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {canWrite ? <LineItemPicker woId={woId} onAdded={onChanged} onInvoiced={onInvoiced} /> : null}
      {canWrite ? (
        <form onSubmit={submit} className="inline-form" aria-label="Add a part">
          <TextField
            label="Part name"
            value={name}
            maxLength={200}
            required
            onChange={(e) => setName(e.target.value)}
            error={add.fieldErrors.name}
          />
          <TextField
            label="Quantity"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            required
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            error={add.fieldErrors.quantity}
          />
          {seesPrices ? (
            <TextField
              label="Unit cost ($)"
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              value={unitCost}
              onChange={(e) => setUnitCost(e.target.value)}
              error={add.fieldErrors.unit_cost_cents}
            />
          ) : (
            <p className="hint">The office sets the price.</p>
          )}
          <button type="submit" className="button-secondary" disabled={add.busy || !name.trim()}>
            Add part
          </button>
          <ErrorMessage error={add.error} />
        </form>
      ) : null}
    </section>
  );
}

/** PATCH /work-orders/{id}/parts/{part}: only what changed is sent. */
function PartEditForm({
  woId,
  part,
  onDone,
  onCancel,
  onInvoiced,
}: {
  woId: number;
  part: Part;
  onDone: () => void;
  onCancel: () => void;
  onInvoiced: () => void;
}) {
  const [name, setName] = useState(part.name);
  const [quantity, setQuantity] = useState(String(part.quantity));
  const [unitCost, setUnitCost] = useState(
    part.unit_cost_cents ? (part.unit_cost_cents / 100).toFixed(2) : '',
  );
  const save = useAction(async () => {
    const body: Record<string, unknown> = {};
    if (name !== part.name) body.name = name;
    if (Number(quantity) !== part.quantity) body.quantity = Number(quantity);
    const cents = toCents(unitCost) ?? 0;
    if (cents !== (part.unit_cost_cents ?? 0)) body.unit_cost_cents = cents;
    if (Object.keys(body).length > 0)
      await refusedAsInvoiced(api.patch(`/work-orders/${woId}/parts/${part.id}`, body), onInvoiced);
    onDone();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form
      onSubmit={submit}
      className="inline-form part-edit"
      aria-label={`Edit part ${part.name}`}
      noValidate
    >
      <TextField
        label="Part name"
        value={name}
        maxLength={200}
        required
        onChange={(e) => setName(e.target.value)}
        error={save.fieldErrors.name}
      />
      <TextField
        label="Quantity"
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        required
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        error={save.fieldErrors.quantity}
      />
      <TextField
        label="Unit cost ($)"
        type="number"
        inputMode="decimal"
        min={0}
        step="0.01"
        value={unitCost}
        onChange={(e) => setUnitCost(e.target.value)}
        error={save.fieldErrors.unit_cost_cents}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.busy || !name.trim()}>
          Save part
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorMessage error={save.error} />
    </form>
  );
}
