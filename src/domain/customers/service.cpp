#include "domain/customers/service.hpp"

#include "core/try.hpp"
#include "domain/customers/repo.hpp"
#include "messaging/consent.hpp"

namespace bulwark::domain::customers {

namespace {

ApiError no_such_customer() { return ApiError(ErrorCode::not_found, "no such customer"); }

ApiError customer_stop_error() {
  return ApiError(ErrorCode::conflict,
                  "this number texted STOP; only the customer can opt back in, by texting START",
                  "opted_out_by_customer");
}

ApiError bad_cursor() {
  return ApiError(ErrorCode::validation_failed, "bad cursor", "invalid_parameter",
                  {{"cursor", "is not a cursor from a previous page"}});
}

// What sending obeys: the number's consent, or the record's own opt-out.
bool opted_out(const CustomerRow& r) {
  return r.sms_opt_out || r.consent_state == messaging::kOptedOut;
}

bool opted_out_by_customer(const CustomerRow& r) {
  if (r.consent_state)
    return *r.consent_state == messaging::kOptedOut &&
           r.consent_source == messaging::kSourceCustomerSms;
  return r.sms_opt_out_by_customer;
}

Outcome<CustomerRow> find_live(store::OrgTx& tx, std::int64_t id) {
  auto row = repo::find(tx, id);
  if (!row || row->deleted_at) return unexpected(no_such_customer());
  return *row;
}

// After the office's choice for a record's number (or a new number on the
// record): every record with that number shows the number's consent. The
// record being written is audited by its own entry; the others here.
void mirror_to_records(store::OrgTx& tx, const audit::Actor& by, const std::string& phone,
                       std::int64_t self, std::int64_t now) {
  for (auto id : messaging::mirror_consent_to_customers(tx.connection(), tx.org_id(), phone, now))
    if (id != self)
      by.record(tx.connection(), "customer.sms_consent_changed", "customer", id, {"sms_opt_out"});
}

std::optional<std::int64_t> id_text(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

SiteView site_view(const SiteRow& r, bool with_access_notes) {
  SiteView v{r.id, r.customer_id, r.name, r.address.value, {}, r.created_at, false, {}};
  if (with_access_notes) {
    v.access_notes = r.access_notes.value;
    v.gate_code = r.gate_code.value;
  } else {
    v.access_hidden = !r.access_notes.value.empty() || !r.gate_code.value.empty();
  }
  return v;
}

}  // namespace

namespace {
// const CustomerRow& copies the opened texts; CustomerRow&& moves them (a
// list page's 250, which are then not allocated and copied a second time).
template <class R>
CustomerView view_of(R&& r) {
  CustomerView v{r.id,
                 std::forward<R>(r).name.value,
                 std::forward<R>(r).phone.value,
                 std::forward<R>(r).email.value,
                 std::forward<R>(r).billing_address.value,
                 std::forward<R>(r).notes.value,
                 opted_out(r),
                 r.deleted_at.has_value(),
                 r.created_at,
                 r.updated_at,
                 r.version,
                 opted_out_by_customer(r),
                 std::nullopt};
  if (r.consent_state)
    v.sms_consent = SmsConsent{*r.consent_state, resource::Time{r.consent_changed_at.value_or(0)},
                               r.consent_source.value_or("")};
  return v;
}
}  // namespace

CustomerView view(const CustomerRow& r) { return view_of(r); }

Outcome<CustomerView> get(store::OrgTx& tx, std::int64_t id) {
  auto row = repo::find(tx, id);
  if (!row) return unexpected(no_such_customer());
  return view(*row);
}

// Newest first; the cursor is the last id shown (names are sealed: no
// order by name, and no name in the URL).
Outcome<resource::Page<CustomerView>> list(store::OrgTx& tx, const CustomerQuery& q) {
  std::optional<std::int64_t> after_id;
  if (q.cursor) {
    after_id = id_text(*q.cursor);
    if (!after_id) return unexpected(bad_cursor());
  }
  // resource::page_of, with the rows' texts moved into the views.
  auto rows = repo::list(tx, q, after_id);
  const auto limit = static_cast<std::size_t>(q.limit);
  const bool more = rows.size() > limit;
  if (more) rows.resize(limit);
  resource::Page<CustomerView> page;
  page.items.reserve(rows.size());
  for (auto& r : rows) page.items.push_back(view_of(std::move(r)));
  if (more && !rows.empty()) page.next_cursor = std::to_string(rows.back().id);
  return page;
}

Outcome<CustomerView> create(store::OrgTx& tx, const audit::Actor& by,
                             const resource::Read<NewCustomer>& in, std::int64_t now) {
  const auto& c = in.value;
  const auto id = repo::insert(tx, c, now);
  by.record(tx.connection(), "customer.created", "customer", id, in.present);
  if (c.phone) {
    // A number that texted STOP stays opted out on every new record of it.
    if (c.sms_opt_out.value_or(false))
      messaging::record_office_choice(tx.connection(), tx.org_id(), c.phone->e164, true, now);
    mirror_to_records(tx, by, c.phone->e164, id, now);
  }
  return get(tx, id);
}

Outcome<CustomerView> change(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                             const Expected<const resource::Read<CustomerChange>*, ApiError>& in,
                             std::int64_t now) {
  BULWARK_TRY(const auto current, find_live(tx, id));  // existence first
  if (!in) return unexpected(in.error());
  auto c = (*in)->value;
  const auto phone_before = current.phone.value;
  const auto phone_after = c.phone.cleared()  ? std::nullopt
                           : c.phone.is_set() ? std::optional(c.phone.value().e164)
                                              : phone_before;
  const bool phone_changed = phone_after != phone_before;
  // A new number for someone who opted out stays opted out (the office's
  // choice now, which the office may clear once it has asked them).
  if (!c.sms_opt_out && phone_changed && opted_out(current)) c.sms_opt_out = true;
  const auto choice = c.sms_opt_out;
  // Consent the number withdrew by texting STOP is its own to give back.
  if (choice == false && phone_after) {
    const auto consent = messaging::consent_for(tx.connection(), tx.org_id(), *phone_after);
    if (consent && consent->by_customer()) return unexpected(customer_stop_error());
  }
  BULWARK_TRY_VOID(repo::update(tx, current, c, now));
  by.record(tx.connection(), "customer.updated", "customer", id, (*in)->present);
  if (phone_after) {
    const auto outcome = choice ? messaging::record_office_choice(tx.connection(), tx.org_id(),
                                                                  *phone_after, *choice, now)
                                : messaging::OfficeChoice::unchanged;
    if (outcome == messaging::OfficeChoice::refused_customer_stop)
      return unexpected(customer_stop_error());
    if (outcome == messaging::OfficeChoice::changed || phone_changed)
      mirror_to_records(tx, by, *phone_after, id, now);
  }
  return get(tx, id);
}

Outcome<void> remove(store::OrgTx& tx, const audit::Actor& by, std::int64_t id, std::int64_t now) {
  if (!repo::set_deleted(tx, id, true, now)) return unexpected(no_such_customer());
  by.record(tx.connection(), "customer.deleted", "customer", id);
  return {};
}

Outcome<CustomerView> restore(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                              std::int64_t now) {
  if (!repo::set_deleted(tx, id, false, now))
    return unexpected(ApiError(ErrorCode::not_found, "no such deleted customer"));
  by.record(tx.connection(), "customer.restored", "customer", id);
  return get(tx, id);
}

Outcome<resource::Items<SiteView>> sites(store::OrgTx& tx, std::int64_t customer,
                                         bool with_access_notes) {
  BULWARK_TRY_VOID(find_live(tx, customer));
  resource::Items<SiteView> out;
  for (const auto& r : repo::sites(tx, customer))
    out.items.push_back(site_view(r, with_access_notes));
  return out;
}

Outcome<SiteView> add_site(store::OrgTx& tx, const audit::Actor& by, std::int64_t customer,
                           const Expected<const resource::Read<NewSite>*, ApiError>& in,
                           bool with_access_notes, std::int64_t now) {
  BULWARK_TRY_VOID(find_live(tx, customer));
  if (!in) return unexpected(in.error());
  const auto row = repo::insert_site(tx, customer, (*in)->value, now);
  by.record(tx.connection(), "site.created", "site", row.id,
            {"name", "address", "access_notes", "gate_code"});
  return site_view(row, with_access_notes);
}

}  // namespace bulwark::domain::customers
