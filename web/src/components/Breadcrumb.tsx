import { Link } from '../router/router';

/** "Invoices / INV-1001": the way back to a detail page's list. */
export function Breadcrumb({ to, list, here }: { to: string; list: string; here: string }) {
  return (
    <p className="breadcrumb">
      <Link to={to}>{list}</Link> / {here}
    </p>
  );
}
