#include "domain/links/customer.hpp"

#include "core/org_time.hpp"
#include "core/try.hpp"
#include "domain/invoices/service.hpp"
#include "domain/org/service.hpp"
#include "domain/work_orders/report_pdf.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::domain::links {

using store::OrgSql;

namespace {

constexpr OrgSql kOrgName("SELECT name FROM orgs WHERE id = $1");
constexpr OrgSql kOrgPhone("SELECT phone FROM org_sms_numbers WHERE org_id = $1");
constexpr OrgSql kConfirm(
    "UPDATE work_orders SET customer_confirmed_at = $3 WHERE org_id = $1 AND id = $2 "
    "AND customer_confirmed_at IS NULL");

// The work order as the office reads it; only a few of its fields leave here.
work_orders::Caller reader(std::int64_t org_id) {
  audit::Actor actor;
  actor.org_id = org_id;
  actor.type = "customer_link";
  return {actor, 0, security::Role::dispatcher};
}

LinkOrg org_of(store::OrgTx& tx) {
  LinkOrg o;
  o.name = tx.run(kOrgName).rows.at(0).text(0);
  if (auto r = tx.run(kOrgPhone); !r.empty()) o.phone = r.rows[0].optional_text(0);
  return o;
}

bool confirmable(const work_orders::WorkOrderView& v, std::int64_t now) {
  return v.status == "scheduled" && !v.customer_confirmed_at && v.scheduled_start &&
         v.scheduled_start->ms > now;
}

LinkAppointment appointment_of(store::OrgTx& tx, const work_orders::WorkOrderView& v,
                               std::int64_t now) {
  LinkAppointment a;
  a.work_order_number = v.number.text();
  a.title = v.title;
  a.starts_at = v.scheduled_start;
  a.ends_at = v.scheduled_end;
  const auto zone = org::time_zone(tx);
  if (v.scheduled_start) {
    a.date = core::format_local_date(zone, v.scheduled_start->ms);
    std::string window = core::format_local_time(zone, v.scheduled_start->ms);
    if (v.scheduled_end) window += " - " + core::format_local_time(zone, v.scheduled_end->ms);
    a.window = std::move(window);
  }
  a.address = v.site_address;
  a.confirmed = v.customer_confirmed_at.has_value();
  a.can_confirm = confirmable(v, now);
  return a;
}

Outcome<work_orders::WorkOrderView> work_order_of(store::OrgTx& tx, const ResolvedLink& link) {
  auto v = work_orders::get(tx, reader(tx.org_id()), link.subject_id);
  if (!v) return unexpected(link_not_found());
  return v;
}

Outcome<LinkInvoice> invoice_of(store::OrgTx& tx, const ResolvedLink& link) {
  auto inv = invoices::get(tx, link.subject_id);
  // A draft is not the customer's yet; a voided one is no longer owed.
  if (!inv || inv->status == "draft" || inv->status == "void") return unexpected(link_not_found());
  LinkInvoice out;
  out.number = inv->number;
  out.status = inv->status;
  out.currency = inv->currency;
  for (const auto& l : inv->lines)
    out.lines.push_back({l.description, l.quantity, l.unit_cents, l.amount_cents});
  out.total_cents = inv->total_cents;
  out.balance_cents = inv->balance_cents;
  out.payment_link = inv->payment_link;
  return out;
}

Outcome<LinkReport> report_of(store::OrgTx& tx, const ResolvedLink& link, std::string_view token) {
  BULWARK_TRY(auto v, work_order_of(tx, link));
  if (v.status != "completed" && v.status != "closed") return unexpected(link_not_found());
  LinkReport r;
  r.work_order_number = v.number.text();
  if (v.completed_at)
    r.completed_on = core::format_local_date(org::time_zone(tx), v.completed_at->ms);
  r.download_path = "/api/v1/links/" + std::string(token) + "/report.pdf";
  return r;
}

}  // namespace

Outcome<CustomerLinkView> show(store::OrgTx& tx, const ResolvedLink& link, std::string_view token,
                               std::int64_t now) {
  CustomerLinkView out;
  out.purpose = std::string(purpose_name(link.purpose));
  out.expires_at = Time{link.expires_at};
  switch (link.purpose) {
    case Purpose::appointment: {
      BULWARK_TRY(auto v, work_order_of(tx, link));
      if (v.status == "cancelled") return unexpected(link_not_found());
      out.appointment = appointment_of(tx, v, now);
      break;
    }
    case Purpose::invoice: {
      BULWARK_TRY(auto inv, invoice_of(tx, link));
      out.invoice = std::move(inv);
      break;
    }
    case Purpose::report: {
      BULWARK_TRY(auto r, report_of(tx, link, token));
      out.report = std::move(r);
      break;
    }
    default: return unexpected(link_not_found());
  }
  out.org = org_of(tx);
  return out;
}

Outcome<LinkConfirmed> confirm(store::OrgTx& tx, const ResolvedLink& link, const audit::Actor& by,
                               std::int64_t now) {
  BULWARK_TRY(auto v, work_order_of(tx, link));
  if (v.status == "cancelled") return unexpected(link_not_found());
  if (v.customer_confirmed_at || link.used_at)
    return unexpected(
        ApiError(ErrorCode::conflict, "this visit is already confirmed", "already_confirmed"));
  if (!confirmable(v, now))
    return unexpected(ApiError(ErrorCode::conflict, "this visit can no longer be confirmed here",
                               "not_confirmable"));
  // Both guarded: two taps at once confirm once.
  if (tx.run(kConfirm, v.id, now).affected != 1 || !mark_used(tx, link.id, now))
    return unexpected(
        ApiError(ErrorCode::conflict, "this visit is already confirmed", "already_confirmed"));
  by.record(tx.connection(), "work_order.customer_confirmed", "work_order", v.id,
            {"customer_confirmed_at"});
  v.customer_confirmed_at = Time{now};
  return LinkConfirmed{appointment_of(tx, v, now)};
}

Outcome<render::PdfFile> report(store::OrgTx& tx, const store::BlobStore& blobs,
                                const ResolvedLink& link) {
  auto pdf = work_orders::pump_out_report(tx, blobs, reader(tx.org_id()), link.subject_id);
  if (!pdf) return unexpected(link_not_found());
  return pdf;
}

}  // namespace bulwark::domain::links
