#include "domain/requests/public_form.hpp"

#include "core/try.hpp"
#include "domain/requests/repo.hpp"

namespace bulwark::domain::requests {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

// The link's row and what it opens; a link whose asset or site is gone is
// the same 404 as a bad token.
Outcome<std::pair<repo::LinkRow, repo::Subject>> subject_of(store::OrgTx& tx,
                                                            const links::ResolvedLink& link) {
  auto row = repo::by_link_id(tx, link.id);
  if (!row) return unexpected(links::link_not_found());
  auto s =
      row->asset_id ? repo::asset(tx, *row->asset_id) : repo::site(tx, row->site_id.value_or(0));
  if (!s) return unexpected(links::link_not_found());
  return std::pair{std::move(*row), std::move(*s)};
}

}  // namespace

Outcome<RequestForm> show_form(store::OrgTx& tx, const links::ResolvedLink& link) {
  BULWARK_TRY(const auto found, subject_of(tx, link));
  return RequestForm{found.first.asset_id ? "asset" : "site", found.second.name};
}

Outcome<std::int64_t> file_request(store::OrgTx& tx, const links::ResolvedLink& link,
                                   const audit::Actor& by, const NewRequest& in, std::int64_t now) {
  BULWARK_TRY(const auto found, subject_of(tx, link));
  std::optional<std::string> phone;
  if (in.phone) phone = in.phone->e164;
  if (repo::filed_since(tx, link.id, now - kHourMs) >= kRequestsPerLinkPerHour)
    return unexpected(ApiError(ErrorCode::rate_limited,
                               "many requests came through this label in the last hour; call "
                               "the office or try again later",
                               "link_rate_limited"));
  const auto id = repo::insert(tx,
                               {.link_id = link.id,
                                .filed_by = std::nullopt,
                                .asset_id = found.first.asset_id,
                                .site_id = found.first.site_id,
                                .name = in.name.value,
                                .phone = phone,
                                .description = in.description.value},
                               now);
  by.record(tx.connection(), "work_request.filed", "work_request", id,
            {"requester_name", "requester_phone", "description"});
  return id;
}

}  // namespace bulwark::domain::requests
