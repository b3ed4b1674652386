// What is recorded on a work order while it is worked: comments, checklist
// items, time entries and parts. Everything goes through the same scoped
// existence check as the work order itself, so technicians reach only their
// own.
#include "core/try.hpp"
#include "domain/invoice_lines.hpp"
#include "domain/price_book/service.hpp"
#include "domain/work_orders/checklist_repo.hpp"
#include "domain/work_orders/repo.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::domain::work_orders {

namespace {

repo::Scope scope_of(const Caller& by) {
  return by.technician() ? repo::Scope(by.user_id) : std::nullopt;
}

// The work order must exist in the caller's organization (and be theirs,
// for a technician); otherwise 404.
Outcome<void> require_work_order(store::OrgTx& tx, const Caller& by, std::int64_t wo) {
  if (!repo::visible(tx, wo, scope_of(by)))
    return unexpected(ApiError(ErrorCode::not_found, "no such work order"));
  return {};
}

// Time and parts are what the invoice bills. A change to them takes the
// work order's billing lock, then: no invoice yet, or a draft (whose lines
// are refreshed by `after_billable_change` in the same transaction), goes
// ahead; an invoice past draft (open, paid, refunded, void) refuses it, since
// what it bills is fixed and a change would never be billed.
Outcome<std::optional<std::int64_t>> before_billable_change(store::OrgTx& tx, std::int64_t wo) {
  lock_work_order_for_billing(tx.connection(), tx.org_id(), wo);
  auto invoice = work_order_invoice(tx.connection(), tx.org_id(), wo);
  if (!invoice) return std::optional<std::int64_t>{};
  if (invoice->status != "draft" || !lock_draft_invoice(tx.connection(), tx.org_id(), invoice->id))
    return unexpected(ApiError(ErrorCode::conflict,
                               "this work order is invoiced; its time and parts can no longer "
                               "change",
                               "work_order_invoiced"));
  return std::optional(invoice->id);
}

// The draft's lines and total follow the work order; audited as a change
// of the invoice (the change of the work order has its own entry).
void after_billable_change(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                           std::optional<std::int64_t> draft, std::int64_t now) {
  if (!draft) return;
  if (!refresh_draft_invoice(tx.connection(), tx.org_id(), *draft, wo, now)) return;
  by.actor.record(tx.connection(), "invoice.lines_refreshed", "invoice", *draft,
                  {"lines", "total_cents"});
}

enum class Billing { none, billable };

// The one write path of a work order's records, in the order each of them
// answers: the work order exists for the caller (404, whatever the body
// says), then `find` (the record written, when it must exist: 404), then the
// body's problems (400, all at once), then for time and parts the billing
// rule (409 work_order_invoiced), then `write`, which returns the reply and
// the names of the fields it changed; an audit entry lists them (none
// changed: no entry, and a draft invoice is left as it is).
struct Step {
  std::string action;
  Billing billing = Billing::none;
};
template <class Find, class Write>
auto record(store::OrgTx& tx, const Caller& by, std::int64_t wo, const resource::Problems& problems,
            const Step& step, std::int64_t now, Find&& find, Write&& write)
    -> decltype(write(*find())) {
  BULWARK_TRY_VOID(require_work_order(tx, by, wo));
  BULWARK_TRY(auto found, find());
  BULWARK_TRY_VOID(resource::no_problems(problems));
  std::optional<std::int64_t> draft;
  if (step.billing == Billing::billable) {
    BULWARK_TRY(draft, before_billable_change(tx, wo));
  }
  BULWARK_TRY(auto written, write(found));
  if (!written.second.empty()) {
    if (step.billing == Billing::billable) after_billable_change(tx, by, wo, draft, now);
    by.actor.record(tx.connection(), step.action, "work_order", wo, std::move(written.second));
  }
  return written;
}

// For records that need nothing found first.
Outcome<bool> nothing() { return true; }

template <class R>
using Reply = Outcome<std::pair<R, std::vector<std::string>>>;

template <class R>
Outcome<R> reply_of(Reply<R> r) {
  if (!r) return unexpected(std::move(r.error()));
  return std::move(r->first);
}

PartView part_view(const PartRow& r, bool with_costs) {
  PartView v{r.id, r.name, r.quantity, {}, {}, r.price_item_id, r.unit};
  if (with_costs) {
    v.unit_cost_cents.emplace(r.unit_cost_cents);
    v.currency.emplace(r.currency);
  }
  return v;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

}  // namespace

Outcome<WorkOrderDetails> details(store::OrgTx& tx, const Caller& by, std::int64_t wo) {
  BULWARK_TRY_VOID(require_work_order(tx, by, wo));
  WorkOrderDetails d{
      repo::comments(tx, wo), checklist_repo::items(tx, wo), repo::time_entries(tx, wo), {}};
  for (const auto& p : repo::parts(tx, wo)) d.parts.push_back(part_view(p, !by.technician()));
  return d;
}

Outcome<CommentAdded> add_comment(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                                  const Input<NewComment>& in, std::int64_t now) {
  const auto& body = in.value().body.value;
  return reply_of(record(
      tx, by, wo, in.problems, {"work_order.comment_added"}, now, nothing,
      [&](bool) -> Reply<CommentAdded> {
        const auto id = repo::insert_comment(tx, wo, by.user_id, body, now);
        return std::pair{CommentAdded{id, body, by.user_id}, std::vector<std::string>{"body"}};
      }));
}

Outcome<TimeEntryAdded> add_time_entry(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                                       const Input<NewTimeEntry>& in, std::int64_t now) {
  const auto minutes = in.value().minutes.value;
  const std::string note = in.value().note ? in.value().note->value : "";
  return reply_of(record(tx, by, wo, in.problems, {"work_order.time_added", Billing::billable}, now,
                         nothing, [&](bool) -> Reply<TimeEntryAdded> {
                           const auto id =
                               repo::insert_time_entry(tx, wo, by.user_id, minutes, note, now);
                           return std::pair{TimeEntryAdded{id, minutes, note},
                                            std::vector<std::string>{"minutes", "note"}};
                         }));
}

Outcome<PartAdded> add_part(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                            const Input<NewPart>& in, std::int64_t now) {
  // Technicians record what they used; the office prices it. A price from a
  // technician is refused outright (even 0), not silently dropped, so a
  // client that thinks it set one learns that it did not.
  if (by.technician() && contains(in.read.present, "unit_cost_cents"))
    return unexpected(ApiError(ErrorCode::forbidden,
                               "technicians record parts; the office prices them",
                               "technician_cannot_price"));
  const auto& p = in.value();
  // A line item from the price book takes its name and price from there;
  // a part without one is named by whoever records it.
  auto problems = in.problems;
  if (p.price_item_id && p.name)
    problems.emplace("name", "comes from the price book item; leave it out");
  if (p.price_item_id && p.unit_cost_cents)
    problems.emplace("unit_cost_cents", "comes from the price book item; leave it out");
  if (!p.price_item_id && !p.name && !problems.contains("name"))
    problems.emplace("name", "is required (or send price_item_id)");
  auto find = [&]() -> Outcome<std::optional<price_book::PriceItemRow>> {
    if (!p.price_item_id) return std::optional<price_book::PriceItemRow>{};
    BULWARK_TRY(auto item, price_book::for_line_item(tx, p.price_item_id->id));
    return std::optional(std::move(item));
  };
  return reply_of(
      record(tx, by, wo, problems, {"work_order.part_added", Billing::billable}, now, find,
             [&](const std::optional<price_book::PriceItemRow>& item) -> Reply<PartAdded> {
               repo::NewPartRow row{p.name ? p.name->value : std::string(), p.quantity.value,
                                    p.unit_cost_cents ? p.unit_cost_cents->value : 0, std::nullopt};
               std::vector<std::string> fields{"name", "quantity"};
               if (item) {
                 row = {item->name, p.quantity.value, item->unit_price_cents, item->id};
                 fields = {"price_item_id", "name", "quantity", "unit_cost_cents"};
               } else if (p.unit_cost_cents) {
                 fields.emplace_back("unit_cost_cents");
               }
               const auto id = repo::insert_part(tx, wo, row, by.user_id, now);
               PartAdded out{id, row.name, row.quantity, {}, row.price_item_id, std::nullopt};
               if (item) out.unit = item->unit;
               if (!by.technician()) out.unit_cost_cents.emplace(row.unit_cost_cents);
               return std::pair{std::move(out), std::move(fields)};
             }));
}

Outcome<PartView> change_part(store::OrgTx& tx, const Caller& by, std::int64_t wo,
                              std::int64_t part, const Input<PartChange>& in, std::int64_t now) {
  auto problems = in.problems;
  if (in.read.present.empty())
    problems.emplace("unit_cost_cents", "send at least one of name, quantity, unit_cost_cents");
  const auto& c = in.value();
  auto find = [&]() -> Outcome<PartRow> {
    auto row = repo::part(tx, wo, part);
    if (!row) return unexpected(ApiError(ErrorCode::not_found, "no such part"));
    return std::move(*row);
  };
  // Refused once invoiced even when nothing changes: the answer does not
  // depend on whether the office happened to send the same price.
  return reply_of(
      record(tx, by, wo, problems, {"work_order.part_updated", Billing::billable}, now, find,
             [&](const PartRow& row) -> Reply<PartView> {
               std::vector<std::string> changed;
               if (c.name && c.name->value != row.name) changed.emplace_back("name");
               if (c.quantity && c.quantity->value != row.quantity)
                 changed.emplace_back("quantity");
               if (c.unit_cost_cents && c.unit_cost_cents->value != row.unit_cost_cents)
                 changed.emplace_back("unit_cost_cents");
               if (!changed.empty()) repo::update_part(tx, wo, part, c);
               return std::pair{part_view(*repo::part(tx, wo, part), true), std::move(changed)};
             }));
}

}  // namespace bulwark::domain::work_orders
