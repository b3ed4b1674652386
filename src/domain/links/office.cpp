#include "domain/links/office.hpp"

#include "core/try.hpp"
#include "domain/links/send.hpp"
#include "domain/links/tokens.hpp"

namespace bulwark::domain::links {

using store::OrgSql;

namespace {

using namespace std::chrono_literals;

constexpr auto kDefaultTtl = std::chrono::milliseconds(14 * 24h);
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

// The newest invoice of the work order that the customer may see.
constexpr OrgSql kInvoiceOf(
    "SELECT id FROM invoices WHERE org_id = $1 AND work_order_id = $2 "
    "AND status IN ('open', 'paid', 'refunded') ORDER BY id DESC LIMIT 1");

ApiError refused(const std::string& message, std::string reason) {
  return ApiError(ErrorCode::conflict, message, std::move(reason));
}

CustomerLinkSummary summary(const LinkRow& r, std::int64_t now) {
  CustomerLinkSummary s;
  s.id = r.id;
  s.purpose = r.purpose;
  s.state = r.revoked_at          ? "revoked"
            : r.used_at           ? "used"
            : now >= r.expires_at ? "expired"
                                  : "active";
  s.created_at = Time{r.created_at};
  s.expires_at = Time{r.expires_at};
  if (r.revoked_at) s.revoked_at = Time{*r.revoked_at};
  if (r.used_at) s.used_at = Time{*r.used_at};
  s.created_by_name = r.created_by_name;
  return s;
}

// What the link is about, and until when it works by default.
struct Subject {
  std::int64_t id = 0;
  std::chrono::milliseconds ttl = kDefaultTtl;
};

Expected<Subject, ApiError> subject_for(store::OrgTx& tx, const work_orders::WorkOrderView& v,
                                        Purpose purpose, std::int64_t now) {
  switch (purpose) {
    case Purpose::appointment: {
      if (v.status != "scheduled" || !v.scheduled_start || v.scheduled_start->ms <= now)
        return unexpected(
            refused("this work order has no visit scheduled ahead", "no_appointment"));
      // Until a day after the visit, at most the default.
      const auto end = (v.scheduled_end ? v.scheduled_end->ms : v.scheduled_start->ms) + kDayMs;
      return Subject{v.id, std::min(kDefaultTtl, std::chrono::milliseconds(end - now))};
    }
    case Purpose::invoice: {
      auto r = tx.run(kInvoiceOf, v.id);
      if (r.empty())
        return unexpected(refused("this work order has no open or paid invoice", "no_invoice"));
      return Subject{r.rows[0].integer(0)};
    }
    case Purpose::report:
      if (v.status != "completed" && v.status != "closed")
        return unexpected(refused("the report is available once the work order is completed",
                                  "work_order_not_completed"));
      return Subject{v.id};
    default: return unexpected(ApiError(ErrorCode::bad_request, "not a customer link"));
  }
}

}  // namespace

Expected<IssuedCustomerLink, ApiError> issue_for_work_order(
    store::OrgTx& tx, const work_orders::Caller& by, std::int64_t wo,
    const Expected<const resource::Read<NewCustomerLink>*, ApiError>& in,
    std::string_view public_url, std::int64_t now) {
  BULWARK_TRY(auto v, work_orders::get(tx, by, wo));
  if (!in) return unexpected(in.error());
  const auto& body = (*in)->value;
  const auto purpose = parse_purpose(body.purpose.value).value();
  BULWARK_TRY(auto subject, subject_for(tx, v, purpose, now));
  if (body.expires_in_hours)
    subject.ttl = std::chrono::milliseconds(body.expires_in_hours->value * 3600 * 1000);
  const auto issued = issue(tx,
                            {.purpose = purpose,
                             .subject_id = subject.id,
                             .work_order_id = v.id,
                             .created_by = by.user_id,
                             .ttl = subject.ttl},
                            now);
  std::string base(public_url);
  while (base.ends_with('/')) base.pop_back();
  IssuedCustomerLink out{summary(find(tx, issued.id).value(), now), base + "/l/" + issued.token,
                         std::nullopt};
  std::vector<std::string> fields{"purpose"};
  if (body.send_by) {
    BULWARK_TRY(auto sent, send_link(tx, v, body.send_by->value, purpose, issued.id, out.url, now));
    out.sent = std::move(sent);
    fields.emplace_back("send_by");
  }
  by.actor.record(tx.connection(), "customer_link.issued", "work_order", v.id, std::move(fields));
  return out;
}

Expected<resource::Items<CustomerLinkSummary>, ApiError> work_order_links(
    store::OrgTx& tx, const work_orders::Caller& by, std::int64_t wo, std::int64_t now) {
  BULWARK_TRY(auto v, work_orders::get(tx, by, wo));
  resource::Items<CustomerLinkSummary> out;
  for (const auto& r : of_work_order(tx, v.id)) out.items.push_back(summary(r, now));
  return out;
}

Expected<CustomerLinkSummary, ApiError> revoke_link(store::OrgTx& tx, const audit::Actor& by,
                                                    std::int64_t id, std::int64_t now) {
  auto row = find(tx, id);
  // Only the customer links of this issue: the office's own links (items 4
  // and 6) are revoked where they are made.
  if (!row || !row->work_order_id)
    return unexpected(ApiError(ErrorCode::not_found, "no such link"));
  if (revoke(tx, id, by.user_id, now)) {
    by.record(tx.connection(), "customer_link.revoked", "customer_link", id, {"revoked_at"});
    row = find(tx, id);
  }
  return summary(*row, now);
}

}  // namespace bulwark::domain::links
