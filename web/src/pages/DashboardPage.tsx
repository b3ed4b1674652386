import { api } from '../api/client';
import type { BusinessMetrics } from '../api/types';
import { PRIORITIES, WO_STATUSES } from '../api/types';
import { useMe } from '../auth/session';
import { can } from '../auth/permissions';
import { BarChart } from '../components/charts/BarChart';
import { PairedBarChart } from '../components/charts/PairedBarChart';
import { LoadState } from '../components/States';
import { formatMoney, humanize } from '../format';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';
import { OnboardingCard } from './dashboard/OnboardingCard';
import { OverduePrivacyCard } from './PrivacyRequestsPage';

export function DashboardPage() {
  const me = useMe();
  if (!can(me, 'metrics.read')) return <Welcome />;
  return <BusinessDashboard />;
}

function Welcome() {
  const me = useMe();
  return (
    <section>
      <h1>Welcome, {me.user.name || me.user.email}</h1>
      <p>
        You are signed in to {me.org.name} as {me.role}.
      </p>
      <ul className="link-list">
        {can(me, 'work_orders.write') ? (
          <li>
            <Link to="/my-day">See my day</Link>
          </li>
        ) : null}
        {can(me, 'work_orders.read') ? (
          <li>
            <Link to="/work-orders">Browse work orders</Link>
          </li>
        ) : null}
        {can(me, 'customers.read') ? (
          <li>
            <Link to="/customers">Find a customer</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function BusinessDashboard() {
  const me = useMe();
  const metrics = useApi(
    (signal) => api.get<BusinessMetrics>('/metrics/business', undefined, signal),
    [],
  );
  return (
    <section>
      <h1>Dashboard</h1>
      {can(me, 'settings.manage') ? <OnboardingCard /> : null}
      {can(me, 'users.manage') ? <OverduePrivacyCard /> : null}
      <LoadState loaded={metrics} what="Loading metrics">
        {(m) => <MetricsView m={m} />}
      </LoadState>
    </section>
  );
}

function MetricsView({ m }: { m: BusinessMetrics }) {
  const openTotal = Object.values(m.open_by_status).reduce((a, b) => a + (b ?? 0), 0);
  const last = m.invoiced_and_paid_per_month.at(-1);
  const month = (s: string) => s.slice(2).replace('-', '/');
  return (
    <>
      <ul className="cards" aria-label="Key figures">
        <MetricCard
          label="Open work orders"
          value={String(openTotal)}
          to="/work-orders?status=active&sort=due"
        />
        <MetricCard
          label="Overdue"
          value={String(m.overdue)}
          warn={m.overdue > 0}
          to="/work-orders?overdue=true&sort=due"
        />
        <MetricCard
          label="Mean hours to complete"
          value={m.mean_hours_to_complete === null ? '—' : String(m.mean_hours_to_complete)}
        />
        <MetricCard
          label={last ? `Invoiced ${last.month}` : 'Invoiced this month'}
          value={formatMoney(last?.invoiced_cents ?? 0)}
        />
        <MetricCard
          label={last ? `Paid ${last.month}` : 'Paid this month'}
          value={formatMoney(last?.paid_cents ?? 0)}
        />
      </ul>
      <div className="chart-grid-layout">
        <BarChart
          title="Open work by status"
          bars={WO_STATUSES.filter((s) => !['completed', 'closed', 'cancelled'].includes(s)).map(
            (s) => ({ label: humanize(s), value: m.open_by_status[s] ?? 0 }),
          )}
        />
        <BarChart
          title="Open work by priority"
          bars={PRIORITIES.map((p) => ({ label: humanize(p), value: m.open_by_priority[p] ?? 0 }))}
        />
        <BarChart
          title="Completed per week (last 12 weeks)"
          bars={m.completed_per_week.map((w) => ({
            label: w.week_start.slice(5),
            value: w.completed,
          }))}
        />
        <PairedBarChart
          title="Invoiced and paid per month"
          names={['Invoiced', 'Paid']}
          pairs={m.invoiced_and_paid_per_month
            .slice(-12)
            .map((x) => ({ label: month(x.month), a: x.invoiced_cents, b: x.paid_cents }))}
          format={(c) => formatMoney(c).replace(/\.\d\d$/, '')}
        />
      </div>
    </>
  );
}

/** A key figure; with `to`, the card links to the work behind it (the filtered list). */
function MetricCard({
  label,
  value,
  warn = false,
  to,
}: {
  label: string;
  value: string;
  warn?: boolean;
  to?: string;
}) {
  const figure = (
    <>
      <span className="metric-value">{value}</span>
      <span className="metric-label">{label}</span>
    </>
  );
  return (
    <li className={warn ? 'card metric metric-warn' : 'card metric'}>
      {to ? (
        <Link to={to} className="metric-link" aria-label={`${value} ${label}`}>
          {figure}
        </Link>
      ) : (
        figure
      )}
    </li>
  );
}
