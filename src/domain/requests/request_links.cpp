#include "domain/requests/request_links.hpp"

#include <chrono>

#include "core/try.hpp"
#include "domain/links/tokens.hpp"
#include "domain/requests/repo.hpp"

namespace bulwark::domain::requests {

namespace {

// A label screwed to a machine lasts years; the office rotates or revokes it
// when it must (a label photographed and misused, a machine sold).
constexpr auto kLinkLifetime = std::chrono::days(3650);

ApiError no_link() {
  return ApiError(ErrorCode::not_found, "there is no request link; make one first",
                  "no_request_link");
}

// The subject itself first: another organization's asset is a 404.
Outcome<repo::Subject> subject(store::OrgTx& tx, LinkSubject of) {
  auto s = of.asset_id ? repo::asset(tx, *of.asset_id) : repo::site(tx, of.site_id.value_or(0));
  if (!s)
    return unexpected(
        ApiError(ErrorCode::not_found, of.asset_id ? "no such asset" : "no such site"));
  return std::move(*s);
}

RequestLinkView view_of(const repo::LinkRow& r, LinkSubject of, const repo::Subject& s,
                        std::string_view public_url) {
  const bool asset = of.asset_id.has_value();
  const auto id = asset ? *of.asset_id : of.site_id.value_or(0);
  return {r.id,
          asset ? "asset" : "site",
          id,
          s.name,
          std::string(public_url) + "/r/" + r.token,
          std::string(asset ? "/api/v1/assets/" : "/api/v1/sites/") + std::to_string(id) +
              "/request-link/qr.svg",
          resource::Time{r.created_at}};
}

std::string target_type(LinkSubject of) { return of.asset_id ? "asset" : "site"; }
std::int64_t target_id(LinkSubject of) { return of.asset_id ? *of.asset_id : *of.site_id; }

}  // namespace

Outcome<RequestLinkView> current_link(store::OrgTx& tx, LinkSubject of, std::string_view public_url,
                                      std::int64_t now) {
  BULWARK_TRY(const auto s, subject(tx, of));
  auto live = repo::live_link(tx, of.asset_id, of.site_id, now);
  if (!live) return unexpected(no_link());
  return view_of(*live, of, s, public_url);
}

Outcome<RequestLinkView> rotate_link(store::OrgTx& tx, const audit::Actor& by, LinkSubject of,
                                     std::string_view public_url, std::int64_t now) {
  BULWARK_TRY(const auto s, subject(tx, of));
  if (auto live = repo::live_link(tx, of.asset_id, of.site_id, now))
    links::revoke(tx, live->link_id, by.user_id, now);
  links::NewLink link;
  link.purpose = links::Purpose::request;
  link.subject_id = target_id(of);
  link.created_by = by.user_id;
  link.ttl = kLinkLifetime;
  const auto issued = links::issue(tx, link, now);
  repo::insert_link(tx, issued.id, of.asset_id, of.site_id, issued.token, now);
  by.record(tx.connection(), "request_link.created", target_type(of), target_id(of));
  return view_of(repo::by_link_id(tx, issued.id).value(), of, s, public_url);
}

Outcome<RequestLinkView> revoke_link(store::OrgTx& tx, const audit::Actor& by, LinkSubject of,
                                     std::string_view public_url, std::int64_t now) {
  BULWARK_TRY(const auto s, subject(tx, of));
  auto live = repo::live_link(tx, of.asset_id, of.site_id, now);
  if (!live) return unexpected(no_link());
  links::revoke(tx, live->link_id, by.user_id, now);
  by.record(tx.connection(), "request_link.revoked", target_type(of), target_id(of));
  return view_of(*live, of, s, public_url);
}

}  // namespace bulwark::domain::requests
