#pragma once
// Customers and their sites: what a request may send, what a view shows,
// and the rows behind them, each described once (resource/fields.hpp).
#include <optional>
#include <string>
#include <vector>

#include "resource/fields.hpp"
#include "store/personal.hpp"

namespace bulwark::domain::customers {

using resource::Email;
using resource::Name;
using resource::Omittable;
using resource::Patch;
using resource::Phone;
using resource::Text;
using resource::Time;
using resource::Version;

struct NewCustomer {  // POST /api/v1/customers
  Name<200> name;
  std::optional<Phone> phone;
  std::optional<Email> email;
  std::optional<Text<500, 0>> billing_address;
  std::optional<Text<5000, 0>> notes;
  std::optional<bool> sms_opt_out;
};
BULWARK_RESOURCE(NewCustomer, name, phone, email, billing_address, notes, sms_opt_out)

struct CustomerChange {  // PATCH /api/v1/customers/{id}
  std::optional<Name<200>> name;
  Patch<Phone> phone;
  Patch<Email> email;
  std::optional<Text<500, 0>> billing_address;
  std::optional<Text<5000, 0>> notes;
  std::optional<bool> sms_opt_out;
  Version version;
};
BULWARK_RESOURCE(CustomerChange, name, phone, email, billing_address, notes, sms_opt_out, version)

// The choice recorded for a phone number (sms_consent); sending obeys it.
struct SmsConsent {
  std::string state;  // opted_out | opted_in
  Time changed_at;
  std::string source;  // customer_sms | office
};
BULWARK_RESOURCE(SmsConsent, state, changed_at, source)

struct CustomerView {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> phone, email;
  std::string billing_address, notes;
  bool sms_opt_out = false;  // what sending obeys: the number's consent or the record's flag
  bool deleted = false;
  Time created_at, updated_at;
  std::int64_t version = 0;
  bool sms_opt_out_by_customer = false;  // only the customer can undo it (texting START)
  std::optional<SmsConsent> sms_consent;
};
BULWARK_RESOURCE(CustomerView, id, name, phone, email, billing_address, notes, sms_opt_out, deleted,
                 created_at, updated_at, version, sms_opt_out_by_customer, sms_consent)

// A customers row with its number's consent. The personal columns hold
// sealed text until the repository opens them (store/personal.hpp).
struct CustomerRow {
  std::int64_t id = 0;
  std::string row_key;
  store::Personal<std::string> name;
  store::Personal<std::optional<std::string>> phone, email;
  store::Personal<std::string> billing_address, notes;
  bool sms_opt_out = false;
  std::optional<std::int64_t> deleted_at;
  Time created_at, updated_at;
  std::int64_t version = 0;
  bool sms_opt_out_by_customer = false;
  std::optional<std::string> consent_state, consent_source;
  std::optional<std::int64_t> consent_changed_at;
};
BOOST_DESCRIBE_STRUCT(CustomerRow, (),
                      (id, row_key, name, phone, email, billing_address, notes, sms_opt_out,
                       deleted_at, created_at, updated_at, version, sms_opt_out_by_customer,
                       consent_state, consent_source, consent_changed_at))

struct NewSite {  // POST /api/v1/customers/{id}/sites
  Text<200> name;
  Text<500> address;
  std::optional<Text<2000, 0>> access_notes;
  std::optional<Text<100, 0>> gate_code;  // "#4821": shown big at the gate
};
BULWARK_RESOURCE(NewSite, name, address, access_notes, gate_code)

// PATCH /api/v1/sites/{id}: the office edits a site (site_edit.cpp); only
// the fields sent change.
struct SiteChange {
  std::optional<Text<200>> name;
  std::optional<Text<500>> address;
  std::optional<Text<2000, 0>> access_notes;
  std::optional<Text<100, 0>> gate_code;
};
BULWARK_RESOURCE(SiteChange, name, address, access_notes, gate_code)

struct SiteView {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::string name, address;
  Omittable<std::string> access_notes;  // gate codes: dispatchers and above only
  Time created_at;
  bool access_hidden = false;  // notes or a gate code exist; the assigned technician reveals them
  Omittable<std::string> gate_code;  // like access_notes: dispatchers and above only
};
BULWARK_RESOURCE(SiteView, id, customer_id, name, address, access_notes, created_at, access_hidden,
                 gate_code)

// POST /api/v1/sites/{id}/access/reveal: the notes (gate code, dog, lid).
struct SiteAccessView {
  std::int64_t site_id = 0;
  std::string access_notes;
  std::string gate_code;  // "" when the site has none
};
BULWARK_RESOURCE(SiteAccessView, site_id, access_notes, gate_code)

// A sites row; address, access notes and gate code are sealed.
struct SiteRow {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::string row_key;
  std::string name;
  store::Personal<std::string> address, access_notes;
  Time created_at;
  store::Personal<std::string> gate_code;
};
BOOST_DESCRIBE_STRUCT(SiteRow, (),
                      (id, customer_id, row_key, name, address, access_notes, created_at,
                       gate_code))

// GET /api/v1/customers: search, filters and a keyset cursor (an id: the
// list is newest first, as an encrypted name cannot be ordered by).
// The search `q` is one of: a phone number in any format (exact, by its
// blind index), an email address (exact), or words of the name, each a
// whole word or a prefix of >= 3 characters (all must match).
struct CustomerQuery {
  std::optional<std::string> phone;  // E.164
  std::optional<std::string> email;
  std::vector<std::string> name_words;  // lower-cased
  std::optional<bool> opted_out;
  bool deleted = false;
  std::optional<std::string> cursor;
  std::int64_t limit = 50;
};

}  // namespace bulwark::domain::customers
