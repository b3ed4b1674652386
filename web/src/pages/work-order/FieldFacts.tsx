import type { WorkOrder } from '../../api/types';
import { Link } from '../../router/router';
import { AccessNotes, NavigateLinks, PhoneLinks } from '../field/FieldLinks';

// What the technician needs at the gate, on the work order: the site and a
// way to navigate there, the customer's phone, the access notes, the asset,
// and the service plan a visit was scheduled from.

export function FieldFacts({ wo, myId }: { wo: WorkOrder; myId: number }) {
  if (!wo.site_id && !wo.customer_phone && !wo.asset_id && !wo.service_plan_id) return null;
  const assignedToMe = wo.assignee_id === myId;
  return (
    <section className="panel field-facts" aria-labelledby="field-h">
      <h2 id="field-h">At the site</h2>
      <dl className="facts">
        {wo.site_id ? (
          <>
            <dt>Site</dt>
            <dd>
              {wo.site_name ? <strong>{wo.site_name}</strong> : null}
              {wo.site_address ? (
                <>
                  <span className="prewrap"> {wo.site_address}</span>
                  <NavigateLinks address={wo.site_address} />
                </>
              ) : null}
            </dd>
            <dt>Access notes</dt>
            <dd>
              <AccessNotes
                siteId={wo.site_id}
                notes={wo.access_notes}
                gateCode={wo.gate_code}
                hidden={wo.access_hidden ?? false}
                canReveal={assignedToMe}
              />
            </dd>
          </>
        ) : null}
        {wo.customer_phone ? (
          <>
            <dt>Customer phone</dt>
            <dd>
              <PhoneLinks phone={wo.customer_phone} />
            </dd>
          </>
        ) : null}
        {wo.asset_id ? (
          <>
            <dt>Asset</dt>
            <dd>
              <Link to={`/assets/${wo.asset_id}`}>{wo.asset_name ?? 'Asset'}</Link>
            </dd>
          </>
        ) : null}
        {wo.service_plan_id ? (
          <>
            <dt>Service plan</dt>
            <dd>
              {wo.customer_id ? (
                <Link to={`/customers/${wo.customer_id}`}>
                  {wo.service_plan_title ?? 'Service plan'}
                </Link>
              ) : (
                (wo.service_plan_title ?? 'Service plan')
              )}
              <span className="hint block">Completing this work order records the visit.</span>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
