import { useState, type FormEvent } from 'react';
import { api, request } from '../../api/client';
import type { InvoiceDetail, InvoiceLine, TaxRate } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { formatMoney } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { centsText, percentText, toBasisPoints, toCents } from './money';

// The office edits a draft invoice (issue 14 item 2): lines, a tax rate per
// line, a discount, notes, terms and the due date. Every change sends the
// version read; the server answers the invoice with its new totals, which
// replaces what is shown. Opening the invoice freezes it.

interface Props {
  invoice: InvoiceDetail;
  onChanged: (inv: InvoiceDetail) => void;
}

export function DraftEditor({ invoice, onChanged }: Props) {
  const rates = useApi(
    (signal) => api.get<{ items: TaxRate[] }>('/tax-rates', undefined, signal),
    [],
  );
  const active = (rates.data?.items ?? []).filter((r) => r.active);
  const rateOptions = [
    { value: '', label: 'No tax' },
    ...active.map((r) => ({
      value: String(r.id),
      label: `${r.name} (${percentText(r.rate_bp)}%)`,
    })),
  ];
  return (
    <section className="panel" aria-labelledby="edit-h">
      <h2 id="edit-h">Edit the draft</h2>
      <LinesEditor invoice={invoice} onChanged={onChanged} rateOptions={rateOptions} />
      <InvoiceFields invoice={invoice} onChanged={onChanged} />
    </section>
  );
}

function LinesEditor({
  invoice,
  onChanged,
  rateOptions,
}: Props & { rateOptions: { value: string; label: string }[] }) {
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [price, setPrice] = useState('');
  const [rate, setRate] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const add = useAction(async () => {
    const unit_cents = toCents(price);
    if (unit_cents === null) throw new Error('Type the unit price in dollars, e.g. 125.00');
    const body: Record<string, unknown> = {
      description,
      quantity: Number(quantity),
      unit_cents,
      version: invoice.version,
    };
    if (rate) body.tax_rate_id = Number(rate);
    onChanged(await api.post<InvoiceDetail>(`/invoices/${invoice.id}/lines`, body));
    setDescription('');
    setQuantity('1');
    setPrice('');
  });
  const remove = useAction(async (line: InvoiceLine) => {
    onChanged(
      await request<InvoiceDetail>('DELETE', `/invoices/${invoice.id}/lines/${line.id}`, {
        body: { version: invoice.version },
      }),
    );
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <div>
      <h3>Lines</h3>
      <ul className="line-editor">
        {(invoice.lines ?? []).map((l) =>
          editing === l.id ? (
            <li key={l.id}>
              <LineForm
                invoice={invoice}
                line={l}
                rateOptions={rateOptions}
                onDone={(inv) => {
                  setEditing(null);
                  if (inv) onChanged(inv);
                }}
              />
            </li>
          ) : (
            <li key={l.id} className="line-row">
              <span>
                {l.description} — {l.quantity} × {formatMoney(l.unit_cents, invoice.currency)} ={' '}
                {formatMoney(l.amount_cents, invoice.currency)}
                {l.tax_name ? ` (${l.tax_name} ${percentText(l.tax_rate_bp)}%)` : ''}
              </span>
              <span className="button-row">
                <button type="button" className="button-secondary" onClick={() => setEditing(l.id)}>
                  Edit <span className="visually-hidden">{l.description}</span>
                </button>
                <button
                  type="button"
                  className="button-danger"
                  disabled={remove.busy}
                  onClick={() => void remove.run(l)}
                >
                  Remove <span className="visually-hidden">{l.description}</span>
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      <ErrorMessage error={remove.error} />
      <form onSubmit={submit} className="stack" aria-label="Add a line">
        <TextField
          label="Description"
          value={description}
          required
          maxLength={500}
          onChange={(e) => setDescription(e.target.value)}
        />
        <TextField
          label="Quantity"
          inputMode="decimal"
          value={quantity}
          required
          onChange={(e) => setQuantity(e.target.value)}
        />
        <TextField
          label="Unit price ($)"
          inputMode="decimal"
          value={price}
          required
          onChange={(e) => setPrice(e.target.value)}
        />
        <SelectField
          label="Tax"
          options={rateOptions}
          value={rate}
          onChange={(e) => setRate(e.target.value)}
        />
        <button type="submit" className="button-primary" disabled={add.busy}>
          Add line
        </button>
        <ErrorMessage error={add.error} />
      </form>
    </div>
  );
}

function LineForm({
  invoice,
  line,
  rateOptions,
  onDone,
}: {
  invoice: InvoiceDetail;
  line: InvoiceLine;
  rateOptions: { value: string; label: string }[];
  onDone: (inv: InvoiceDetail | null) => void;
}) {
  const [description, setDescription] = useState(line.description);
  const [quantity, setQuantity] = useState(String(line.quantity));
  const [price, setPrice] = useState(centsText(line.unit_cents));
  const [rate, setRate] = useState(line.tax_rate_id ? String(line.tax_rate_id) : '');
  const save = useAction(async () => {
    const unit_cents = toCents(price);
    if (unit_cents === null) throw new Error('Type the unit price in dollars, e.g. 125.00');
    onDone(
      await api.patch<InvoiceDetail>(`/invoices/${invoice.id}/lines/${line.id}`, {
        description,
        quantity: Number(quantity),
        unit_cents,
        tax_rate_id: rate ? Number(rate) : null,
        version: invoice.version,
      }),
    );
  });
  return (
    <form
      className="stack"
      aria-label={`Change ${line.description}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <TextField
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextField
        label="Quantity"
        inputMode="decimal"
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
      />
      <TextField
        label="Unit price ($)"
        inputMode="decimal"
        value={price}
        onChange={(e) => setPrice(e.target.value)}
      />
      <SelectField
        label="Tax"
        options={rateOptions}
        value={rate}
        onChange={(e) => setRate(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.busy}>
          Save line
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      <ErrorMessage error={save.error} />
    </form>
  );
}

function InvoiceFields({ invoice, onChanged }: Props) {
  const [kind, setKind] = useState(invoice.discount_bp ? 'percent' : 'amount');
  const [discount, setDiscount] = useState(
    invoice.discount_bp
      ? percentText(invoice.discount_bp)
      : invoice.discount_cents
        ? centsText(invoice.discount_cents)
        : '',
  );
  const [notes, setNotes] = useState(invoice.notes ?? '');
  const [terms, setTerms] = useState(invoice.terms ?? '');
  const [due, setDue] = useState(invoice.due_on ?? '');
  const save = useAction(async () => {
    const body: Record<string, unknown> = {
      notes: notes.trim() ? notes : null,
      terms: terms.trim() ? terms : null,
      due_on: due || null,
      version: invoice.version,
    };
    if (kind === 'percent') {
      const bp = toBasisPoints(discount || '0');
      if (bp === null || bp > 10000) throw new Error('Type the discount as a percentage, e.g. 10');
      body.discount_bp = bp;
    } else {
      const cents = toCents(discount || '0');
      if (cents === null) throw new Error('Type the discount in dollars, e.g. 25.00');
      body.discount_cents = cents;
    }
    onChanged(await api.patch<InvoiceDetail>(`/invoices/${invoice.id}`, body));
  });
  return (
    <form
      className="stack"
      aria-label="Discount, notes, terms and due date"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h3>Discount, notes and terms</h3>
      <SelectField
        label="Discount as"
        options={[
          { value: 'amount', label: 'An amount ($)' },
          { value: 'percent', label: 'A percentage (%)' },
        ]}
        value={kind}
        onChange={(e) => setKind(e.target.value)}
      />
      <TextField
        label="Discount"
        inputMode="decimal"
        value={discount}
        onChange={(e) => setDiscount(e.target.value)}
      />
      <TextField
        label="Due date"
        type="date"
        value={due}
        onChange={(e) => setDue(e.target.value)}
      />
      <TextArea
        label="Terms"
        maxLength={4000}
        value={terms}
        onChange={(e) => setTerms(e.target.value)}
      />
      <TextArea
        label="Notes"
        maxLength={4000}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <button type="submit" className="button-primary" disabled={save.busy}>
        Save
      </button>
      <ErrorMessage error={save.error} />
    </form>
  );
}
