#pragma once
// Jobs that call Stripe's API.
//  - stripe.expire_checkout_session {org_id, invoice_id, session_id}:
//    POST /v1/checkout/sessions/{id}/expire, queued when an invoice is
//    voided, so the link the customer holds stops taking money. On success
//    the session is marked expired (and audited).
#include <boost/json/object.hpp>
#include <string_view>

#include "jobs/worker.hpp"

namespace bulwark::jobs {

inline constexpr std::string_view kExpireCheckoutSession = "stripe.expire_checkout_session";

JobResult expire_checkout_session(const JobContext& ctx, const Job& job);

// Queues the expiry of one session inside the caller's transaction.
void enqueue_session_expiry(store::Connection& conn, std::int64_t org_id, std::int64_t invoice_id,
                            const std::string& session_id);

}  // namespace bulwark::jobs
