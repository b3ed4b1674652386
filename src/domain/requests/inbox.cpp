#include "domain/requests/inbox.hpp"

#include "core/try.hpp"
#include "domain/requests/decline_email.hpp"
#include "domain/requests/decline_text.hpp"
#include "domain/requests/photos.hpp"
#include "domain/requests/repo.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::domain::requests {

namespace {

constexpr std::size_t kTitleMax = 200;  // a work order's title

ApiError no_such_request() { return ApiError(ErrorCode::not_found, "no such request"); }

ApiError already_decided(const std::string& status) {
  return ApiError(ErrorCode::conflict, "this request was already " + status, "already_decided");
}

WorkRequestView view_of(const repo::RequestRow& r) {
  WorkRequestView v;
  v.id = r.id;
  v.status = r.status;
  v.requester_name = r.requester_name.value;
  v.requester_phone = r.requester_phone.value;
  v.description = r.description.value;
  v.asset_id = r.asset_id;
  v.site_id = r.site_id;
  v.asset_name = r.asset_name;
  v.site_name = r.site_name;
  v.decline_reason = r.decline_reason.value;
  v.work_order_id = r.work_order_id;
  if (r.work_order_number) v.work_order_number = "WO-" + std::to_string(*r.work_order_number);
  v.created_at = resource::Time{r.created_at};
  if (r.decided_at) v.decided_at = resource::Time{*r.decided_at};
  v.version = r.version;
  return v;
}

Outcome<repo::RequestRow> find_new(store::OrgTx& tx, std::int64_t id) {
  auto row = repo::find(tx, id);
  if (!row) return unexpected(no_such_request());
  return std::move(*row);
}

// The first line of what is wrong, cut at a character boundary: the work
// order's title. The whole text goes to its description.
std::string title_of(const std::string& description) {
  std::string t = description.substr(0, description.find('\n'));
  if (t.size() > kTitleMax) {
    std::size_t cut = kTitleMax - 3;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    t = t.substr(0, cut) + "...";
  }
  return t.empty() ? std::string("Work request") : t;
}

}  // namespace

Outcome<resource::Items<WorkRequestView>> list(store::OrgTx& tx,
                                               const std::optional<std::string>& status) {
  resource::Items<WorkRequestView> out;
  auto photos = undecided_photos(tx);
  for (const auto& r : repo::list(tx, status)) {
    out.items.push_back(view_of(r));
    if (auto p = photos.find(r.id); p != photos.end()) out.items.back().photos = p->second;
  }
  return out;
}

Outcome<WorkRequestView> get(store::OrgTx& tx, std::int64_t id) {
  BULWARK_TRY(const auto row, find_new(tx, id));
  auto v = view_of(row);
  v.photos = photos_of(tx, id);
  return v;
}

Outcome<WorkRequestView> approve(store::OrgTx& tx, const store::BlobStore& blobs,
                                 const work_orders::Caller& by, std::int64_t id,
                                 const Checked<RequestApprove>& in, std::int64_t now) {
  BULWARK_TRY(const auto row, find_new(tx, id));  // 404 before the body's problems
  if (!in) return unexpected(in.error());
  if (row.status != "new") return unexpected(already_decided(row.status));
  if (row.version != (*in)->value.version.value)
    return unexpected(ApiError(ErrorCode::conflict,
                               "the request was changed by someone else; reload it",
                               "version_conflict"));
  // The work order: on the request's asset and its site, for the site's
  // customer; who asked and how to reach them go into its description.
  work_orders::NewWorkOrder w;
  w.title.value = title_of(row.description.value);
  std::string text = row.description.value + "\n\nRequested by " + row.requester_name.value;
  if (row.requester_phone.value) text += " (" + *row.requester_phone.value + ")";
  if (!row.link_id)
    text += " in the app.";
  else
    text += " through " + std::string(row.asset_id ? "the asset's" : "the site's") + " QR label.";
  w.description.emplace();
  w.description->value = text.substr(0, 10000);
  w.type.emplace();
  w.type->value = "corrective";
  if (row.asset_id) w.asset_id.emplace(resource::Ref<work_orders::AssetRef>{*row.asset_id});
  if (const auto site =
          row.site_id ? row.site_id
                      : repo::asset(tx, row.asset_id.value_or(0)).value_or(repo::Subject{}).site_id)
    w.site_id.emplace(resource::Ref<work_orders::SiteRef>{*site});
  if (row.site_customer_id)
    w.customer_id.emplace(resource::Ref<work_orders::CustomerRef>{*row.site_customer_id});
  const resource::Read<work_orders::NewWorkOrder> read{
      w, {"title", "description", "type", "asset_id", "site_id", "customer_id"}};
  BULWARK_TRY(const auto wo, work_orders::create(tx, by, {read, {}}, now));
  BULWARK_TRY_VOID(repo::approve(tx, id, row.version, wo.id, by.user_id, now));
  BULWARK_TRY_VOID(move_photos(tx, blobs, by, id, wo.id, now));
  by.actor.record(tx.connection(), "work_request.approved", "work_request", id,
                  {"status", "work_order_id"});
  return get(tx, id);
}

Outcome<RequestDeclined> decline(store::OrgTx& tx, const store::BlobStore& blobs,
                                 const audit::Actor& by, std::int64_t id,
                                 const Checked<RequestDecline>& in, std::int64_t now) {
  BULWARK_TRY(const auto row, find_new(tx, id));
  if (!in) return unexpected(in.error());
  if (row.status != "new") return unexpected(already_decided(row.status));
  const auto& d = (*in)->value;
  BULWARK_TRY_VOID(repo::decline(tx, row, d.version.value, d.reason.value, by.user_id, now));
  by.record(tx.connection(), "work_request.declined", "work_request", id,
            {"status", "decline_reason"});
  RequestDeclined out;
  if (row.requester_phone.value)
    out.text = queue_decline_text(tx, id, *row.requester_phone.value, d.reason.value, now);
  else if (row.filed_by)  // a requester in the app: no phone, their account's address
    out.email =
        queue_decline_email(tx, id, *row.filed_by, row.description.value, d.reason.value, now);
  delete_photos(tx, blobs, id);  // last: on SQLite the files go at once
  BULWARK_TRY(out.request, get(tx, id));
  return out;
}

}  // namespace bulwark::domain::requests
