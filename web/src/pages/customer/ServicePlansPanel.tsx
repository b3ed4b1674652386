import { useState } from 'react';
import { api } from '../../api/client';
import type { Site } from '../../api/types';
import type { MarketingConsent, ServicePlanView } from '../../api/types.gen';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { SubmitRow } from '../../components/SubmitRow';
import { LoadState } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { useForm } from '../../hooks/useForm';
import { navigate } from '../../router/router';
import { zonedToday } from '../../time';
import { dueText } from '../service-plans/dueText';
import { reminderText } from '../service-plans/reminderText';

// Recurring service (issue 14 item 8): a site's plan ("pump-out every 36
// months"), the visit recorded when it is done, and the customer's consent
// to reminder texts and email: reminders are marketing, so they need a
// consent recorded with how it was given, apart from appointment texts.

export function ServicePlansPanel({ customerId }: { customerId: number }) {
  const plans = useApi(
    (signal) =>
      api.get<{ items: ServicePlanView[] }>('/service-plans', { customer_id: customerId }, signal),
    [customerId],
  );
  return (
    <section className="panel" aria-labelledby="plans-h">
      <h2 id="plans-h">Service plans</h2>
      <LoadState loaded={plans} what="Loading service plans">
        {(p) =>
          p.items.length === 0 ? (
            <p className="empty">No recurring service yet.</p>
          ) : (
            <ul className="plain-list">
              {p.items.map((plan) => (
                <PlanRow key={`${plan.id}-${plan.version}`} plan={plan} onChanged={plans.reload} />
              ))}
            </ul>
          )
        }
      </LoadState>
      <NewPlanForm customerId={customerId} onCreated={plans.reload} />
      <ConsentBlock customerId={customerId} onChanged={plans.reload} />
    </section>
  );
}

function PlanRow({ plan, onChanged }: { plan: ServicePlanView; onChanged: () => void }) {
  const [on, setOn] = useState(zonedToday());
  const serviced = useAction(async () => {
    await api.post(`/service-plans/${plan.id}/serviced`, { on, version: plan.version });
    onChanged();
  });
  // A work order for the plan's site and customer, linked to the plan:
  // completing it records the visit (next due moves on its own).
  const visit = useAction(async () => {
    const wo = await api.post<{ id: number }>(`/service-plans/${plan.id}/visits`, {});
    navigate(`/work-orders/${wo.id}`);
  });
  const pause = useAction(async () => {
    await api.patch(`/service-plans/${plan.id}`, { active: !plan.active, version: plan.version });
    onChanged();
  });
  return (
    <li className="service-plan">
      <strong>{plan.title}</strong> at {plan.site_name}, every {plan.interval_months} months.{' '}
      {plan.active ? dueText(plan) : <span className="badge">Paused</span>}
      {plan.reminded_for === plan.next_due_on ? (
        <span className="badge">{reminderText(plan)}</span>
      ) : null}
      <div className="button-row">
        <label>
          Serviced on{' '}
          <input
            type="date"
            value={on}
            max={zonedToday()}
            onChange={(e) => setOn(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button-secondary"
          disabled={serviced.busy}
          onClick={() => void serviced.run()}
        >
          Record visit
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={visit.busy || !plan.active}
          onClick={() => void visit.run()}
        >
          Schedule visit
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={pause.busy}
          onClick={() => void pause.run()}
        >
          {plan.active ? 'Pause' : 'Resume'}
        </button>
      </div>
      <ErrorMessage error={serviced.error ?? visit.error ?? pause.error} />
    </li>
  );
}

const EVERY = [
  { value: '12', label: 'Every year' },
  { value: '24', label: 'Every 2 years' },
  { value: '36', label: 'Every 3 years' },
  { value: '48', label: 'Every 4 years' },
  { value: '60', label: 'Every 5 years' },
  { value: '6', label: 'Every 6 months' },
  { value: '3', label: 'Every 3 months' },
  { value: '1', label: 'Every month' },
];

function NewPlanForm({ customerId, onCreated }: { customerId: number; onCreated: () => void }) {
  const sites = useApi(
    (signal) => api.get<{ items: Site[] }>(`/customers/${customerId}/sites`, undefined, signal),
    [customerId],
  );
  const blank = {
    site_id: '',
    title: 'Septic pump-out',
    interval_months: '36',
    next_due_on: '',
    remind_days_before: '30',
  };
  const form = useForm(blank, async (v, { reset }) => {
    const site = v.site_id || String(sites.data?.items[0]?.id ?? '');
    await api.post('/service-plans', {
      site_id: Number(site),
      title: v.title,
      interval_months: Number(v.interval_months),
      next_due_on: v.next_due_on,
      remind_days_before: Number(v.remind_days_before),
    });
    reset();
    onCreated();
  });
  const siteOptions = (sites.data?.items ?? []).map((s) => ({
    value: String(s.id),
    label: s.name,
  }));
  if (sites.data && siteOptions.length === 0)
    return <p className="hint">A plan belongs to a site: add one under Sites and assets first.</p>;
  return (
    <form onSubmit={form.submit} aria-label="New service plan" className="stack">
      <h3>New service plan</h3>
      <SelectField label="Site" options={siteOptions} {...form.field('site_id')} />
      <TextField label="Service" required maxLength={200} {...form.field('title')} />
      <SelectField label="How often" options={EVERY} {...form.field('interval_months')} />
      <TextField label="Next due" type="date" required {...form.field('next_due_on')} />
      <TextField
        label="Remind the customer (days before)"
        type="number"
        inputMode="numeric"
        min={0}
        max={365}
        {...form.field('remind_days_before')}
      />
      <ErrorMessage error={form.action.error} />
      <SubmitRow busy={form.action.busy}>Add plan</SubmitRow>
    </form>
  );
}

function ConsentBlock({ customerId, onChanged }: { customerId: number; onChanged: () => void }) {
  const consent = useApi(
    (signal) =>
      api.get<MarketingConsent>(`/customers/${customerId}/marketing-consent`, undefined, signal),
    [customerId],
  );
  const [source, setSource] = useState('');
  const record = useAction(async (channel: 'sms' | 'email', granted: boolean) => {
    const next = await api.post<MarketingConsent>(`/customers/${customerId}/marketing-consent`, {
      channel,
      granted,
      source: source.trim() || 'recorded by the office',
    });
    consent.setData(next);
    setSource('');
    onChanged();
  });
  return (
    <div className="consent-block">
      <h3>Reminder consent</h3>
      <p className="hint">
        Service reminders are marketing: they go only to customers who agreed to them (in writing
        for texts), separately from appointment texts.
      </p>
      <LoadState loaded={consent} what="Loading consent">
        {(c) => (
          <>
            <dl className="facts">
              <dt>Reminder texts</dt>
              <dd>{c.sms ? 'Agreed' : 'Not agreed'}</dd>
              <dt>Reminder email</dt>
              <dd>{c.email ? 'Agreed' : 'Not agreed'}</dd>
            </dl>
            <TextField
              label="How the customer agreed or declined"
              placeholder="Signed service agreement, 2026-12-01"
              maxLength={200}
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
            <div className="button-row">
              <button
                type="button"
                className="button-secondary"
                disabled={record.busy}
                onClick={() => void record.run('sms', !c.sms)}
              >
                {c.sms ? 'Stop reminder texts' : 'Customer agreed to reminder texts'}
              </button>
              <button
                type="button"
                className="button-secondary"
                disabled={record.busy}
                onClick={() => void record.run('email', !c.email)}
              >
                {c.email ? 'Stop reminder email' : 'Customer agreed to reminder email'}
              </button>
            </div>
            {c.history.length > 0 ? (
              <details>
                <summary>History ({c.history.length})</summary>
                <ul className="plain-list">
                  {c.history.map((h, i) => (
                    <li key={i}>
                      {h.recorded_at.slice(0, 10)}: {h.channel === 'sms' ? 'texts' : 'email'}{' '}
                      {h.granted ? 'agreed' : 'declined'} ({h.source})
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </LoadState>
      <ErrorMessage error={record.error} />
    </div>
  );
}
