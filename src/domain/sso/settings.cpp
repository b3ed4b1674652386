#include "domain/sso/settings.hpp"

#include <algorithm>
#include <array>

#include "audit/audit_log.hpp"
#include "domain/sso/flow.hpp"
#include "domain/sso/provider_client.hpp"
#include "domain/sso/repo.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::sso {

namespace {

constexpr std::array<std::string_view, 24> kPublicMail{
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "ymail.com",      "aol.com",     "icloud.com",  "me.com",   "mac.com",
    "proton.me", "protonmail.com", "gmx.com",     "gmx.net",     "gmx.de",   "web.de",
    "mail.com",  "zoho.com",       "yandex.com",  "yandex.ru",   "mail.ru",  "fastmail.com"};

}  // namespace

bool is_public_mail_domain(std::string_view domain) {
  if (std::ranges::find(kPublicMail, domain) != kPublicMail.end()) return true;
  // yahoo.co.uk, hotmail.fr, outlook.de and the like.
  for (std::string_view brand : {"yahoo.", "hotmail.", "outlook.", "live.", "gmail."})
    if (domain.starts_with(brand)) return true;
  return false;
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253 || domain.find('.') == std::string_view::npos)
    return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i < domain.size(); ++i) {
    const char c = domain[i];
    if (c == '.') {
      if (label == 0 || domain[i - 1] == '-') return false;
      label = 0;
      continue;
    }
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && label > 0);
    if (!ok || ++label > 63) return false;
  }
  return label > 0 && domain.back() != '-';
}

ProviderView view(store::Database& db, std::int64_t org_id, std::string_view public_url) {
  return store::read_org(db, org_id, [&](store::OrgTx& tx) {
    ProviderView v;
    v.redirect_uri = public_url.empty() ? std::string() : redirect_uri(public_url);
    if (auto p = find_provider(tx)) {
      v.configured = true;
      v.issuer = p->issuer;
      v.client_id = p->client_id;
      v.client_secret_set = !p->client_secret.empty();
      v.jit_role = p->jit_role;
      v.enabled = p->enabled;
    }
    for (auto& d : list_domains(tx)) v.domains.push_back({d.domain, resource::Time{d.verified_at}});
    return v;
  });
}

Expected<ProviderView, ApiError> save(store::Database& db, const audit::Actor& by,
                                      const ProviderSettings& in, std::string_view public_url,
                                      std::int64_t now) {
  if (auto ok = check_issuer_url(in.issuer.value); !ok)
    return unexpected(ApiError(ErrorCode::validation_failed, ok.error(), "issuer_not_allowed",
                               {{"issuer", ok.error()}}));
  auto saved = store::in_org(db, by.org_id, [&](store::OrgTx& tx) -> Expected<bool, ApiError> {
    const auto old = find_provider(tx);
    Provider p;
    p.issuer = in.issuer.value;
    p.client_id = in.client_id.value;
    if (in.client_secret)
      p.client_secret = in.client_secret->value;
    else if (old)
      p.client_secret = old->client_secret;
    else
      return unexpected(ApiError(ErrorCode::validation_failed, "the client secret is required", "",
                                 {{"client_secret", "required"}}));
    if (in.jit_role.is_set())
      p.jit_role = in.jit_role.value().value;
    else if (in.jit_role.absent() && old)
      p.jit_role = old->jit_role;
    p.enabled = in.enabled.value_or(old ? old->enabled : true);
    save_provider(tx, p, now);
    std::vector<std::string> fields{"issuer", "client_id", "jit_role", "enabled"};
    if (in.client_secret) fields.emplace_back("client_secret");
    by.record(tx.connection(), old ? "sso.provider_updated" : "sso.provider_created", "org",
              by.org_id, fields);
    return true;
  });
  if (!saved) return unexpected(std::move(saved.error()));
  return view(db, by.org_id, public_url);
}

Expected<void, std::string> verify_domain(store::Database& db, const audit::Actor& by,
                                          std::string_view raw, std::int64_t now) {
  std::string domain(raw);
  std::ranges::transform(domain, domain.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  while (domain.ends_with('.')) domain.pop_back();
  if (!valid_domain(domain)) return unexpected("not a domain name: " + std::string(raw));
  if (is_public_mail_domain(domain))
    return unexpected(domain + " is a public mail service: anyone can have an address there");
  if (auto owner = org_of_domain(db, domain)) {
    if (*owner == by.org_id) return {};  // already verified here
    return unexpected(domain + " is verified for another organization");
  }
  try {
    store::in_org(db, by.org_id, [&](store::OrgTx& tx) {
      add_domain(tx, domain, now);
      auto e = by.entry("sso.domain_verified", "org", std::to_string(by.org_id));
      e.fields = {"domain"};
      audit::append(tx.connection(), e);
    });
  } catch (const store::ConstraintViolation&) {
    return unexpected(domain + " is verified for another organization");
  }
  return {};
}

}  // namespace bulwark::domain::sso
