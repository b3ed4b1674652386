#pragma once
// The public side of work requests (issue 14 item 6): the page a QR label
// opens shows the asset's (or site's) name and nothing else of the
// organization, and the form files a request into the office's inbox. Both
// run in the organization the link's token named (links::resolve), which
// also refuses, all alike, an unknown, tampered, revoked or expired token.
#include "audit/actor.hpp"
#include "domain/links/tokens.hpp"
#include "domain/requests/model.hpp"

namespace bulwark::domain::requests {

template <class T>
using Outcome = Expected<T, ApiError>;

// At most this many requests per link per hour (429 link_rate_limited): a
// label is scanned by the few people at one machine, and a flood through
// one link must not bury the inbox. Counted in the database, so every
// instance sees the same count.
inline constexpr std::int64_t kRequestsPerLinkPerHour = 10;

Outcome<RequestForm> show_form(store::OrgTx& tx, const links::ResolvedLink& link);

// 429 link_rate_limited past kRequestsPerLinkPerHour. The new request's id
// (for its photos; the public answer is RequestReceived, nothing stored).
Outcome<std::int64_t> file_request(store::OrgTx& tx, const links::ResolvedLink& link,
                                   const audit::Actor& by, const NewRequest& in, std::int64_t now);

}  // namespace bulwark::domain::requests
