#pragma once
// The office's side of customer links: issue one from a work order (the URL
// is answered this once: only its hash is kept), list a work order's links
// (never the token) and revoke one. Dispatchers and above (the route says).
#include <string_view>

#include "domain/links/model.hpp"
#include "domain/work_orders/service.hpp"
#include "resource/page.hpp"

namespace bulwark::domain::links {

// 404 for another organization's work order; 409 no_appointment (nothing
// scheduled ahead), no_invoice (no open or paid invoice) or
// work_order_not_completed (a report before completion).
Expected<IssuedCustomerLink, ApiError> issue_for_work_order(
    store::OrgTx& tx, const work_orders::Caller& by, std::int64_t wo,
    const Expected<const resource::Read<NewCustomerLink>*, ApiError>& in,
    std::string_view public_url, std::int64_t now);

Expected<resource::Items<CustomerLinkSummary>, ApiError> work_order_links(
    store::OrgTx& tx, const work_orders::Caller& by, std::int64_t wo, std::int64_t now);

// 404 for another organization's link; revoking twice answers the link.
Expected<CustomerLinkSummary, ApiError> revoke_link(store::OrgTx& tx, const audit::Actor& by,
                                                    std::int64_t id, std::int64_t now);

}  // namespace bulwark::domain::links
