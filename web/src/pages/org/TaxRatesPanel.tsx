import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { TaxRate } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { LoadState } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { percentText, toBasisPoints } from '../invoice/money';

// Owners and admins: the tax rates the office picks per invoice line. A
// price book tax class names the rate its items take by default.

export function TaxRatesPanel() {
  const rates = useApi(
    (signal) => api.get<{ items: TaxRate[] }>('/tax-rates', undefined, signal),
    [],
  );
  const [name, setName] = useState('');
  const [rate, setRate] = useState('');
  const [taxClass, setTaxClass] = useState('');
  const add = useAction(async () => {
    const rate_bp = toBasisPoints(rate);
    if (rate_bp === null || rate_bp > 10000)
      throw new Error('Type the rate as a percentage, e.g. 8.25');
    const body: Record<string, unknown> = { name, rate_bp };
    if (taxClass.trim()) body.tax_class = taxClass.trim();
    await api.post<TaxRate>('/tax-rates', body);
    setName('');
    setRate('');
    setTaxClass('');
    rates.reload();
  });
  const toggle = useAction(async (r: TaxRate) => {
    await api.patch<TaxRate>(`/tax-rates/${r.id}`, { active: !r.active, version: r.version });
    rates.reload();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <section className="panel" aria-labelledby="tax-h">
      <h2 id="tax-h">Tax rates</h2>
      <LoadState loaded={rates} what="Loading the tax rates">
        {(list) =>
          list.items.length === 0 ? (
            <p className="empty">No tax rates yet.</p>
          ) : (
            <ul>
              {list.items.map((r) => (
                <li key={r.id}>
                  {r.name}: {percentText(r.rate_bp)}%
                  {r.tax_class ? ` (price book class ${r.tax_class})` : ''}
                  {r.active ? '' : ' — retired'}{' '}
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={toggle.busy}
                    onClick={() => void toggle.run(r)}
                  >
                    {r.active ? 'Retire' : 'Use again'}{' '}
                    <span className="visually-hidden">{r.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
      <ErrorMessage error={toggle.error} />
      <form className="stack" onSubmit={submit} aria-label="Add a tax rate">
        <TextField
          label="Name"
          value={name}
          required
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="Rate (%)"
          inputMode="decimal"
          value={rate}
          required
          onChange={(e) => setRate(e.target.value)}
        />
        <TextField
          label="Price book tax class (optional)"
          value={taxClass}
          maxLength={50}
          onChange={(e) => setTaxClass(e.target.value)}
        />
        <button type="submit" className="button-primary" disabled={add.busy}>
          Add tax rate
        </button>
        <ErrorMessage error={add.error} />
      </form>
    </section>
  );
}
