#pragma once
// The office's side of request links (issue 14 item 6): one long-lived link
// per asset or site, printed as a QR label. Making one when there is a live
// link rotates it (the old label stops working); revoking leaves none. The
// route says who may (owner, admin, dispatcher).
#include <optional>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/requests/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::requests {

template <class T>
using Outcome = Expected<T, ApiError>;

// Which asset or site a link is for (exactly one is set).
struct LinkSubject {
  std::optional<std::int64_t> asset_id, site_id;
};

// The live link; 404 for another organization's asset or site, 404
// no_request_link when it has none.
Outcome<RequestLinkView> current_link(store::OrgTx& tx, LinkSubject of, std::string_view public_url,
                                      std::int64_t now);
// A new link (revoking the live one, if any): 201 with its URL.
Outcome<RequestLinkView> rotate_link(store::OrgTx& tx, const audit::Actor& by, LinkSubject of,
                                     std::string_view public_url, std::int64_t now);
// 404 no_request_link when there is no live link.
Outcome<RequestLinkView> revoke_link(store::OrgTx& tx, const audit::Actor& by, LinkSubject of,
                                     std::string_view public_url, std::int64_t now);

}  // namespace bulwark::domain::requests
