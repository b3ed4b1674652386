#pragma once
// What a customer does through a link, without signing in: see the one
// thing the link is for, confirm an appointment, download a report. Each
// function runs in the link's organization (the token named it) and shows
// nothing beyond the link's purpose.
#include <string_view>

#include "audit/actor.hpp"
#include "domain/links/model.hpp"
#include "domain/links/tokens.hpp"
#include "render/document.hpp"
#include "store/blob_store.hpp"

namespace bulwark::domain::links {

template <class T>
using Outcome = Expected<T, ApiError>;

// GET /api/v1/links/{token}. A subject that is gone (a cancelled visit, a
// voided invoice) is the same 404 link_not_found as a bad token.
Outcome<CustomerLinkView> show(store::OrgTx& tx, const ResolvedLink& link, std::string_view token,
                               std::int64_t now);

// POST /api/v1/links/{token}/confirm: records the customer's confirmation
// once (audited, actor customer_link); 409 already_confirmed on a replay,
// 409 not_confirmable for a visit that is past or no longer scheduled.
Outcome<LinkConfirmed> confirm(store::OrgTx& tx, const ResolvedLink& link, const audit::Actor& by,
                               std::int64_t now);

// GET /api/v1/links/{token}/report.pdf: the pump-out report of
// domain/work_orders/report_pdf.
Outcome<render::PdfFile> report(store::OrgTx& tx, const store::BlobStore& blobs,
                                const ResolvedLink& link);

}  // namespace bulwark::domain::links
