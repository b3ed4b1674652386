#pragma once
// The organization's SSO settings (admins with settings.manage; audited,
// the client secret never returned) and the operator's domain verification
// (`bulwark admin org verify-domain`).
#include <cstdint>
#include <string>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/sso/model.hpp"
#include "store/database.hpp"

namespace bulwark::domain::sso {

ProviderView view(store::Database& db, std::int64_t org_id, std::string_view public_url);

Expected<ProviderView, ApiError> save(store::Database& db, const audit::Actor& by,
                                      const ProviderSettings& in, std::string_view public_url,
                                      std::int64_t now);

// A free mail service's domain (gmail.com, outlook.com, ...): anyone can
// have an address there, so it proves nothing about an organization.
bool is_public_mail_domain(std::string_view domain);
// Lower-case, a plausible DNS name (labels of letters, digits and hyphens).
bool valid_domain(std::string_view domain);

// Marks `domain` verified for the organization; the error is a sentence for
// the operator (invalid, public mail, another organization's).
Expected<void, std::string> verify_domain(store::Database& db, const audit::Actor& by,
                                          std::string_view domain, std::int64_t now);

}  // namespace bulwark::domain::sso
