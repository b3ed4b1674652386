import { api } from '../api/client';
import type { MyDay, MyDayItem, WorkOrder } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { Badge, ConfirmedBadge } from '../components/Badge';
import { OnTheWayButton, canSayOnTheWay } from '../components/OnTheWayButton';
import { LoadState } from '../components/States';
import { TransitionButtons } from '../components/TransitionButtons';
import { formatTime } from '../format';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';
import { JobFieldLinks } from './field/JobFieldLinks';

// Built for a phone in one hand: one column, large type, buttons at least
// 48 px tall, the next action first.

export function MyDayPage() {
  const day = useApi((signal) => api.get<MyDay>('/dispatch/my-day', undefined, signal), []);
  return (
    <section className="my-day">
      <h1>My day</h1>
      <LoadState loaded={day} what="Loading your day">
        {(d) => (
          <>
            <p className="my-day-date">
              {/* The organization's local date, named at noon so no zone shifts it. */}
              {new Date(`${d.date}T12:00:00Z`).toLocaleDateString(undefined, {
                weekday: 'long',
                month: 'long',
                day: 'numeric',
                timeZone: 'UTC',
              })}{' '}
              · {d.items.length} {d.items.length === 1 ? 'job' : 'jobs'}
            </p>
            {d.items.length === 0 ? (
              <p className="empty">Nothing scheduled for you today.</p>
            ) : null}
            <ol className="job-list">
              {d.items.map((item) => (
                <li key={item.id}>
                  <JobCard item={item} />
                </li>
              ))}
            </ol>
            <button type="button" className="button-secondary button-block" onClick={day.reload}>
              Refresh
            </button>
          </>
        )}
      </LoadState>
    </section>
  );
}

function JobCard({ item }: { item: MyDayItem }) {
  const me = useMe();
  // The day view has no version or allowed moves; the work order has both.
  const wo = useApi(
    (signal) => api.get<WorkOrder>(`/work-orders/${item.id}`, undefined, signal),
    [item.id],
  );
  const status = wo.data?.status ?? item.status;
  return (
    <article className="job-card" aria-labelledby={`job-${item.id}`}>
      <p className="job-time">
        {formatTime(item.scheduled_start)}
        {item.scheduled_end ? `–${formatTime(item.scheduled_end)}` : ''}
      </p>
      <h2 id={`job-${item.id}`}>
        {item.number} · {item.title}
      </h2>
      <p className="badges">
        <Badge kind="status" value={status} /> <Badge kind="priority" value={item.priority} />{' '}
        <ConfirmedBadge at={wo.data?.customer_confirmed_at} />
      </p>
      {item.customer_name ? <p className="job-customer">{item.customer_name}</p> : null}
      {item.site_address ? (
        <p className="job-address prewrap">
          {item.site_name ? `${item.site_name}: ` : ''}
          {item.site_address}
        </p>
      ) : null}
      <JobFieldLinks item={item} />
      {wo.data && canSayOnTheWay(wo.data, me.user.id) ? <OnTheWayButton wo={wo.data} big /> : null}
      {wo.data && can(me, 'work_orders.write') ? (
        <TransitionButtons wo={wo.data} onChanged={wo.setData} big />
      ) : null}
      <Link className="button button-secondary button-block" to={`/work-orders/${item.id}`}>
        Details, checklist and notes
      </Link>
    </article>
  );
}
