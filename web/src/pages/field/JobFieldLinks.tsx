import type { MyDayItem } from '../../api/types';
import { Link } from '../../router/router';
import { AccessNotes, NavigateLinks, PhoneLinks } from './FieldLinks';

// On a My day card: navigate, call or text, the gate code behind one tap,
// and the asset the job is for. My day lists only the caller's own jobs.

export function JobFieldLinks({ item }: { item: MyDayItem }) {
  return (
    <div className="job-field">
      {item.site_address ? <NavigateLinks address={item.site_address} /> : null}
      {item.customer_phone ? <PhoneLinks phone={item.customer_phone} /> : null}
      {item.site_id && item.access_hidden ? (
        <AccessNotes siteId={item.site_id} hidden canReveal />
      ) : null}
      {item.asset_id ? (
        <p className="job-asset">
          Asset: <Link to={`/assets/${item.asset_id}`}>{item.asset_name ?? 'Asset'}</Link>
        </p>
      ) : null}
    </div>
  );
}
