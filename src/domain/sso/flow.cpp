#include "domain/sso/flow.hpp"

#include <chrono>

#include "audit/actor.hpp"
#include "audit/audit_log.hpp"
#include "crypto/jose.hpp"
#include "crypto/random.hpp"
#include "domain/sso/provider_client.hpp"
#include "domain/sso/repo.hpp"
#include "identity/accounts.hpp"
#include "identity/users.hpp"
#include "logging/log.hpp"
#include "net/http_client.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::sso {

namespace {

// An account that only signs in through its provider: no bcrypt hash
// matches it, so the password form never opens it.
constexpr std::string_view kNoPassword = "!sso";

ApiError not_configured() {
  return ApiError(ErrorCode::unprocessable,
                  "single sign-on is not set up for this address's domain; sign in with your "
                  "password",
                  "sso_not_configured");
}

std::string domain_of(std::string_view email) {
  const auto at = email.rfind('@');
  if (at == std::string_view::npos) return {};
  return identity::normalize_email(email.substr(at + 1));
}

Refused refused(std::string message, std::string reason, int status = 403) {
  return Refused{status, std::move(message), std::move(reason)};
}

void audit_failure(store::Database& db, std::int64_t org_id, const std::string& ip,
                   const std::string& reason) {
  audit::Actor a;
  a.org_id = org_id;
  a.type = "sso";
  a.ip = ip;
  auto e = a.entry("auth.sso_login", "org", std::to_string(org_id), {reason});
  e.outcome = "failure";
  audit::append(db, e);
}

}  // namespace

std::string redirect_uri(std::string_view public_url) {
  std::string base(public_url);
  while (base.ends_with('/')) base.pop_back();
  return base + std::string(kCallbackPath);
}

Expected<SsoStarted, ApiError> start(store::Database& db, std::string_view email,
                                     std::string_view public_url, std::int64_t now) {
  if (public_url.empty())
    return unexpected(ApiError(ErrorCode::service_unavailable,
                               "single sign-on needs BULWARK_PUBLIC_URL on the server",
                               "sso_unavailable"));
  const auto domain = domain_of(email);
  const auto org_id = domain.empty() ? std::nullopt : org_of_domain(db, domain);
  if (!org_id) return unexpected(not_configured());
  const auto provider =
      store::read_org(db, *org_id, [](store::OrgTx& tx) { return find_provider(tx); });
  if (!provider || !provider->enabled) return unexpected(not_configured());
  auto meta = discover(provider->issuer);
  if (!meta) {
    logging::warn("sso discovery failed", {{logging::Field::reason, meta.error()}});
    return unexpected(ApiError(ErrorCode::service_unavailable,
                               "your organization's sign-in provider cannot be reached; try "
                               "again later",
                               "sso_provider_unavailable"));
  }
  const auto state = crypto::random_token(32);
  const auto nonce = crypto::random_token(32);
  const auto verifier = crypto::random_token(32);  // 43 characters (RFC 7636 §4.1)
  const auto challenge = crypto::jose::base64url_encode(crypto::sha256(verifier));
  store::in_org(db, *org_id, [&](store::OrgTx& tx) {
    insert_login(tx, crypto::sha256_hex(state), nonce, verifier, now, now + kLoginLifetimeMs);
  });
  const auto& endpoint = meta->authorization_endpoint;
  const char joiner = endpoint.find('?') == std::string::npos ? '?' : '&';
  return SsoStarted{endpoint + joiner +
                    net::form_encode({{"response_type", "code"},
                                      {"client_id", provider->client_id},
                                      {"redirect_uri", redirect_uri(public_url)},
                                      {"scope", "openid email profile"},
                                      {"state", state},
                                      {"nonce", nonce},
                                      {"code_challenge", challenge},
                                      {"code_challenge_method", "S256"},
                                      {"login_hint", identity::normalize_email(email)}})};
}

Expected<identity::NewSession, Refused> finish(store::Database& db, std::string_view code,
                                               std::string_view state,
                                               const std::optional<std::string>& iss,
                                               std::string_view public_url,
                                               const identity::SessionPolicy& policy,
                                               const std::string& client_ip, std::int64_t now) {
  const Refused expired = refused(
      "This sign-in has expired or was already used. Go back to the sign-in page and start "
      "again.",
      "sso_state_invalid", 400);
  if (state.empty() || state.size() > 128 || code.empty() || code.size() > 2048)
    return unexpected(expired);
  const auto pending = take_login(db, crypto::sha256_hex(state), now);
  if (!pending) return unexpected(expired);
  const auto org_id = pending->org_id;
  const auto provider =
      store::read_org(db, org_id, [](store::OrgTx& tx) { return find_provider(tx); });
  const Refused unavailable = refused(
      "Your organization's sign-in provider could not be reached or gave an answer Bulwark "
      "cannot trust. Try again, or ask your administrator.",
      "sso_provider_failed", 502);
  if (!provider || !provider->enabled) return unexpected(unavailable);
  auto meta = discover(provider->issuer);
  if (!meta) return unexpected(unavailable);
  if (iss && *iss != meta->issuer) {
    audit_failure(db, org_id, client_ip, "issuer_mismatch");
    return unexpected(unavailable);
  }
  auto id_token =
      exchange_code(*meta, {provider->client_id, provider->client_secret, std::string(code),
                            pending->code_verifier, redirect_uri(public_url)});
  if (!id_token) {
    logging::warn("sso token request failed", {{logging::Field::reason, id_token.error()}});
    audit_failure(db, org_id, client_ip, "token_request");
    return unexpected(unavailable);
  }
  const auto wall = std::chrono::system_clock::time_point(std::chrono::milliseconds(now));
  auto claims = identity::oidc::verify_id_token(
      *id_token, {meta->issuer, provider->client_id, pending->nonce, wall}, jwks_cache(),
      meta->jwks_uri);
  if (!claims) {
    logging::warn("sso id token refused", {{logging::Field::reason, claims.error()}});
    audit_failure(db, org_id, client_ip, "id_token");
    return unexpected(unavailable);
  }

  const auto email = identity::normalize_email(claims->email);
  // Read before the transaction (it opens its own connection).
  const auto member =
      email.empty() ? std::nullopt : identity::find_user_by_email(db, org_id, email);
  auto outcome =
      store::in_org(db, org_id, [&](store::OrgTx& tx) -> Expected<identity::NewSession, Refused> {
        audit::Actor a;
        a.org_id = org_id;
        a.ip = client_ip;
        auto& conn = tx.connection();
        std::optional<identity::User> user;
        if (auto linked = user_of_identity(tx, claims->issuer, claims->subject)) {
          user = identity::find_user(conn, org_id, *linked);
          touch_identity(tx, claims->issuer, claims->subject, now);
        } else {
          // First sign-in of this (issuer, subject) here: the email claim
          // counts only when verified and on a domain this org verified.
          if (!claims->email_verified || email.empty() || !org_has_domain(tx, domain_of(email)))
            return unexpected(refused(
                "Your sign-in provider did not confirm an email address on your organization's "
                "verified domain, so Bulwark cannot tell which account is yours. Ask your "
                "administrator.",
                "sso_email_unverified"));
          if (member) {
            user = member;
            link_identity(tx, claims->issuer, claims->subject, user->id, now);
            a.user_id = user->id;
            a.record(conn, "auth.sso_linked", "user", user->id);
          } else if (provider->jit_role) {
            const auto role = security::parse_role(*provider->jit_role);
            if (!role) return unexpected(unavailable);
            const std::string name =
                claims->name.empty() ? email.substr(0, email.find('@')) : claims->name;
            auto account = identity::find_account(conn, email);
            user = account ? identity::add_member(conn, org_id, account->id, email, name, *role)
                           : identity::create_user(conn, org_id, email, name, *role, kNoPassword);
            link_identity(tx, claims->issuer, claims->subject, user->id, now);
            a.user_id = user->id;
            a.record(conn, "auth.sso_provisioned", "user", user->id, {"role"});
          } else {
            return unexpected(refused(
                "You signed in at your provider, but your organization has not given you an "
                "account in Bulwark. Ask an administrator to invite you.",
                "sso_no_account"));
          }
        }
        if (!user || !user->active)
          return unexpected(
              refused("This account is deactivated. Ask your administrator.", "sso_user_inactive"));
        a.user_id = user->id;
        auto session = identity::create_session(conn, user->id, org_id, policy, client_ip);
        a.record(conn, "auth.sso_login", "user", user->id);
        return session;
      });
  if (!outcome) audit_failure(db, org_id, client_ip, outcome.error().reason);
  return outcome;
}

}  // namespace bulwark::domain::sso
