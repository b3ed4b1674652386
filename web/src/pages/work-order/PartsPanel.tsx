import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { WorkOrderDetails } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { formatMoney } from '../../format';
import { useAction } from '../../hooks/useAction';

/** Technicians record what they used; the office (who sees prices) also sets the unit cost. */
export function PartsPanel({ woId, parts, canWrite, seesPrices, onChanged }: { woId: number; parts: WorkOrderDetails['parts']; canWrite: boolean; seesPrices: boolean; onChanged: () => void }) {
  const [name, setName] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [unitCost, setUnitCost] = useState('');
  const add = useAction(async () => {
    const body: Record<string, unknown> = { name, quantity: Number(quantity) };
    if (seesPrices && unitCost) body.unit_cost_cents = Math.round(Number(unitCost) * 100);
    await api.post(`/work-orders/${woId}/parts`, body);
    setName('');
    setQuantity('1');
    setUnitCost('');
    onChanged();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <section className="panel" aria-labelledby="parts-h">
      <h2 id="parts-h">Parts</h2>
      {parts.length === 0 ? <p className="empty">No parts recorded.</p> : null}
      <ul className="plain-list">
        {parts.map((p) => (
          <li key={p.id}>
            {p.quantity} × {p.name}
            {p.unit_cost_cents !== undefined ? ` at ${formatMoney(p.unit_cost_cents)}` : ''}
          </li>
        ))}
      </ul>
      {canWrite ? (
        <form onSubmit={submit} className="inline-form">
          <TextField label="Part name" value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} error={add.fieldErrors.name} />
          <TextField label="Quantity" type="number" inputMode="decimal" min={0} step="any" required value={quantity} onChange={(e) => setQuantity(e.target.value)} error={add.fieldErrors.quantity} />
          {seesPrices ? <TextField label="Unit cost ($)" type="number" inputMode="decimal" min={0} step="0.01" value={unitCost} onChange={(e) => setUnitCost(e.target.value)} error={add.fieldErrors.unit_cost_cents} /> : null}
          <button type="submit" className="button-secondary" disabled={add.busy || !name.trim()}>
            Add part
          </button>
          <ErrorMessage error={add.error} />
        </form>
      ) : null}
    </section>
  );
}
