#include "domain/requests/requester.hpp"

#include "domain/requests/repo.hpp"

namespace bulwark::domain::requests {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

MyRequestView mine(const repo::RequestRow& r) {
  MyRequestView v;
  v.id = r.id;
  v.status = r.status;
  v.description = r.description.value;
  v.asset_name = r.asset_name;
  v.site_name = r.site_name;
  v.decline_reason = r.decline_reason.value;
  if (r.work_order_number) v.work_order_number = "WO-" + std::to_string(*r.work_order_number);
  v.work_order_status = r.work_order_status;
  v.created_at = resource::Time{r.created_at};
  if (r.decided_at) v.decided_at = resource::Time{*r.decided_at};
  return v;
}

}  // namespace

Expected<resource::Items<RequestPlace>, ApiError> request_places(store::OrgTx& tx,
                                                                 std::int64_t now) {
  resource::Items<RequestPlace> out;
  for (auto& a : repo::labelled_assets(tx, now)) out.items.push_back({"asset", a.id, a.name});
  for (auto& s : repo::labelled_sites(tx, now)) out.items.push_back({"site", s.id, s.name});
  return out;
}

Expected<resource::Items<MyRequestView>, ApiError> my_requests(store::OrgTx& tx,
                                                               std::int64_t user_id) {
  resource::Items<MyRequestView> out;
  for (const auto& r : repo::filed_by(tx, user_id)) out.items.push_back(mine(r));
  return out;
}

Expected<MyRequestView, ApiError> file_my_request(store::OrgTx& tx, const Requester& by,
                                                  const MyNewRequest& in, std::int64_t now) {
  const bool asset = in.subject.value == "asset";
  const std::optional<std::int64_t> asset_id = asset ? std::optional(in.id.value) : std::nullopt;
  const std::optional<std::int64_t> site_id = asset ? std::nullopt : std::optional(in.id.value);
  // An unlabelled or another organization's place: one answer.
  if (!repo::live_link(tx, asset_id, site_id, now))
    return unexpected(
        ApiError(ErrorCode::not_found, "no such place to report on", "place_not_found"));
  if (repo::filed_by_since(tx, by.user_id, now - kHourMs) >= kRequestsPerRequesterPerHour)
    return unexpected(ApiError(ErrorCode::rate_limited,
                               "you filed many requests in the last hour; call the office or "
                               "try again later",
                               "requester_rate_limited"));
  // An asset's request also names its site, as one filed through its label.
  const auto subject = asset ? repo::asset(tx, in.id.value) : repo::site(tx, in.id.value);
  if (!subject)
    return unexpected(
        ApiError(ErrorCode::not_found, "no such place to report on", "place_not_found"));
  std::optional<std::string> phone;
  if (in.phone) phone = in.phone->e164;
  const auto id = repo::insert(tx,
                               {.link_id = std::nullopt,
                                .filed_by = by.user_id,
                                .asset_id = subject->asset_id,
                                .site_id = subject->site_id,
                                .name = by.name,
                                .phone = phone,
                                .description = in.description.value},
                               now);
  by.actor.record(tx.connection(), "work_request.filed", "work_request", id,
                  {"requester_name", "requester_phone", "description"});
  return mine(repo::find(tx, id).value());
}

}  // namespace bulwark::domain::requests
