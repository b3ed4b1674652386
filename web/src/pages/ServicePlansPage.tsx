import { useState } from 'react';
import { api } from '../api/client';
import type { ServicePlanView } from '../api/types.gen';
import { HeaderRow } from '../components/HeaderRow';
import { SelectField } from '../components/Field';
import { LoadState } from '../components/States';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';
import { dueText } from './service-plans/dueText';
import { reminderText } from './service-plans/reminderText';

// The office's due-soon list (issue 14 item 8): active service plans due
// within the chosen window, overdue first, with the customer, the site and
// whether a reminder went out and by which channels (text, email; each needs
// the customer's marketing consent for it).

const WINDOWS = [
  { value: '30', label: 'Next 30 days' },
  { value: '60', label: 'Next 60 days' },
  { value: '90', label: 'Next 90 days' },
  { value: '365', label: 'Next 12 months' },
];

export function ServicePlansPage() {
  const [within, setWithin] = useState('60');
  const plans = useApi(
    (signal) =>
      api.get<{ items: ServicePlanView[] }>('/service-plans', { due_within_days: within }, signal),
    [within],
  );
  return (
    <section>
      <h1>Service due</h1>
      <SelectField
        label="Due within"
        options={WINDOWS}
        value={within}
        onChange={(e) => setWithin(e.target.value)}
      />
      <LoadState loaded={plans} what="Loading service plans">
        {(p) =>
          p.items.length === 0 ? (
            <p className="empty">
              Nothing due. Plans are added on a customer&apos;s page (Service plans).
            </p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <HeaderRow headers={['Customer', 'Site', 'Service', 'Due', 'Reminder']} />
                <tbody>
                  {p.items.map((plan) => (
                    <tr key={plan.id}>
                      <td>
                        {plan.customer_id ? (
                          <Link to={`/customers/${plan.customer_id}`}>{plan.customer_name}</Link>
                        ) : (
                          plan.customer_name
                        )}
                      </td>
                      <td>
                        {plan.site_name}
                        <span className="hint block">{plan.site_address}</span>
                      </td>
                      <td>{plan.title}</td>
                      <td className={plan.days_until_due < 0 ? 'overdue' : undefined}>
                        {dueText(plan)}
                      </td>
                      <td>{reminderText(plan)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
    </section>
  );
}
