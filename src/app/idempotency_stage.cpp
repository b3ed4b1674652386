// The Idempotency-Key stage and its finisher (issue 12 item 8). A request
// that changes state and carries the header claims its key before the
// handler runs (idempotency/key_store.cpp); the finisher stores the answer
// the handler gave, so that the same request sent again (a phone that lost
// the answer in a dead zone) gets that answer back, marked
// `Idempotent-Replayed: true`, instead of a second comment or time entry.
//
// The claim and the answer are two transactions beside the handler's own.
// If the server dies between the handler's commit and the record, the key
// stays "in flight" until it expires (409 to every retry): a retry is refused
// rather than risk doing the change twice.
#include <algorithm>
#include <array>
#include <string_view>

#include "app/pipeline.hpp"
#include "core/error.hpp"
#include "idempotency/key_store.hpp"
#include "logging/log.hpp"

namespace bulwark::app::stages {

namespace {

constexpr std::string_view kHeader = "Idempotency-Key";

// Routes where the header is refused rather than ignored. POST /api/v1/users
// answered a generated password once; it is an invitation now (issue 14
// item 4), and each call is meant to send: a stored answer would not.
constexpr std::array<std::string_view, 1> kSecretAnswers{"/api/v1/users"};

// Only what changes state on behalf of a signed-in user (or an API token)
// takes a key: GETs change nothing, log-in has no user yet, webhooks carry
// the provider's own event ids.
bool applies(const Exchange& ex) {
  const auto* route = ex.match.route;
  return route && ex.principal && route->effect == http::Effect::changes_state &&
         route->auth == http::Auth::session_or_token;
}

Verdict refuse(const Exchange& ex, ErrorCode code, const std::string& message, std::string reason) {
  return error_response(ApiError(code, message, std::move(reason)), ex.request.request_id);
}

idempotency::KeyRef ref_of(const Exchange& ex, std::string_view key) {
  return {ex.principal->org_id, ex.principal->user_id, key};
}

http::Response replay(const idempotency::StoredAnswer& answer) {
  http::Response r;
  r.status = answer.status;
  if (!answer.content_type.empty()) r.headers.set("Content-Type", answer.content_type);
  if (!answer.location.empty()) r.headers.set("Location", answer.location);
  r.headers.set("Idempotent-Replayed", "true");
  r.body = answer.body;
  return r;
}

}  // namespace

Verdict idempotency(Exchange& ex) {
  const auto header = ex.request.headers.get(kHeader);
  if (!header || !applies(ex)) return std::nullopt;
  if (!idempotency::valid_key(*header))
    return refuse(ex, ErrorCode::bad_request,
                  "Idempotency-Key must be 1 to 255 printable ASCII characters",
                  "idempotency_key_invalid");
  if (std::ranges::find(kSecretAnswers, ex.match.route->pattern) != kSecretAnswers.end())
    return refuse(ex, ErrorCode::bad_request, "this request does not take an Idempotency-Key",
                  "idempotency_not_supported");

  // Keys are per user; an API client acts for the admin who created it,
  // so its keys get their own space (its answers are never the admin's).
  std::string key(*header);
  if (ex.principal->client) key = "client:" + std::to_string(ex.principal->client->id) + ":" + key;
  const auto hash = idempotency::request_hash(http::method_name(ex.request.method), ex.request.path,
                                              ex.request.query, ex.request.body);
  idempotency::Claim claim;
  try {
    claim = idempotency::claim(ex.services.db, ref_of(ex, key), hash, ex.services.clock.now_ms());
  } catch (const DatabaseUnavailable&) {
    auto r =
        refuse(ex, ErrorCode::service_unavailable, "the service is temporarily unavailable", "");
    r->headers.set("Retry-After", "5");
    return r;
  }
  switch (claim.outcome) {
    case idempotency::ClaimOutcome::claimed: ex.idempotency_key = key; return std::nullopt;
    case idempotency::ClaimOutcome::replay: return replay(claim.answer);
    case idempotency::ClaimOutcome::in_progress: {
      auto r = refuse(ex, ErrorCode::conflict,
                      "a request with this Idempotency-Key is still being processed",
                      "idempotency_in_progress");
      r->headers.set("Retry-After", "1");
      return r;
    }
    case idempotency::ClaimOutcome::reused:
      return refuse(ex, ErrorCode::unprocessable,
                    "this Idempotency-Key was used for a different request",
                    "idempotency_key_reused");
  }
  return std::nullopt;
}

void idempotency_record(Exchange& ex, http::Response& response) noexcept {
  if (ex.idempotency_key.empty() || !ex.principal) return;
  try {
    const auto ref = ref_of(ex, ex.idempotency_key);
    // A server-side failure is not an answer to remember: the retry runs.
    if (response.status >= 500) {
      idempotency::release(ex.services.db, ref);
      return;
    }
    idempotency::StoredAnswer answer{
        response.status, std::string(response.headers.get("Content-Type").value_or("")),
        std::string(response.headers.get("Location").value_or("")), response.body};
    idempotency::complete(ex.services.db, ref, answer);
  } catch (const std::exception& e) {
    // The key stays in flight until it expires: retries get 409, never a
    // second change.
    logging::warn("idempotency record failed",
                  {{logging::Field::request_id, ex.request.request_id},
                   {logging::Field::reason, std::string_view(e.what())}});
  } catch (...) {
  }
}

}  // namespace bulwark::app::stages
