#include "domain/org/service.hpp"

#include <boost/describe/class.hpp>
#include <vector>

#include "core/org_time.hpp"
#include "mail/message.hpp"

namespace bulwark::domain::org {

namespace {

using store::OrgSql;

constexpr OrgSql kSettings(
    "SELECT id, slug, name, time_zone, reply_to_email, labour_rate_cents, logo_updated_at, "
    "postal_address FROM orgs WHERE id = $1");
constexpr OrgSql kTimeZone("SELECT time_zone FROM orgs WHERE id = $1");
constexpr OrgSql kSetTimeZone("UPDATE orgs SET time_zone = $2 WHERE id = $1");
constexpr OrgSql kSetReplyTo("UPDATE orgs SET reply_to_email = $2 WHERE id = $1");
constexpr OrgSql kSetPostalAddress("UPDATE orgs SET postal_address = $2 WHERE id = $1");
constexpr OrgSql kSetLabourRate("UPDATE orgs SET labour_rate_cents = $2 WHERE id = $1");

struct SettingsRow {
  std::int64_t id = 0;
  std::string slug, name, time_zone;
  std::optional<std::string> reply_to_email;
  std::int64_t labour_rate_cents = 0;
  std::optional<std::int64_t> logo_updated_at;
  std::optional<std::string> postal_address;
};
BOOST_DESCRIBE_STRUCT(SettingsRow, (),
                      (id, slug, name, time_zone, reply_to_email, labour_rate_cents,
                       logo_updated_at, postal_address))
struct ZoneRow {
  std::string time_zone;
};
BOOST_DESCRIBE_STRUCT(ZoneRow, (), (time_zone))

ApiError invalid(std::string field, std::string reason, const std::string& message) {
  return ApiError(ErrorCode::validation_failed, message, std::move(reason),
                  {{std::move(field), "invalid"}});
}

}  // namespace

Expected<OrgSettings, ApiError> settings(store::OrgTx& tx, bool sees_prices) {
  auto r = tx.one<SettingsRow>(kSettings);
  if (!r) return unexpected(ApiError(ErrorCode::not_found, "no such organization"));
  OrgSettings out{r->id,
                  std::move(r->slug),
                  std::move(r->name),
                  std::move(r->time_zone),
                  std::move(r->reply_to_email),
                  {},
                  {},
                  std::move(r->postal_address)};
  // The version in the URL: a new logo is a new address, so no cached copy shows.
  if (r->logo_updated_at)
    out.logo_url = "/api/v1/org/logo?v=" + std::to_string(*r->logo_updated_at);
  if (sees_prices) out.labour_rate_cents.emplace(r->labour_rate_cents);
  return out;
}

Expected<OrgSettings, ApiError> change(store::OrgTx& tx, const audit::Actor& by,
                                       const OrgChange& in, bool sees_prices) {
  auto before = tx.one<SettingsRow>(kSettings);
  if (!before) return unexpected(ApiError(ErrorCode::not_found, "no such organization"));
  // Everything is checked before anything is written: one bad field changes nothing.
  if (in.time_zone && !core::is_valid_time_zone(in.time_zone->value))
    return unexpected(invalid("time_zone", "unknown_time_zone",
                              "time_zone must be an IANA time zone such as America/New_York"));
  if (in.reply_to_email.is_set() && !mail::valid_address(in.reply_to_email.value().value))
    return unexpected(invalid("reply_to_email", "invalid_address",
                              "reply_to_email must be a plain address like office@example.com"));
  if (in.labour_rate_cents && !sees_prices)
    return unexpected(ApiError(ErrorCode::forbidden,
                               "only the office that prices invoices sets "
                               "the labour rate",
                               "prices_not_allowed"));

  std::vector<std::string> changed;
  if (in.time_zone && in.time_zone->value != before->time_zone) {
    tx.run(kSetTimeZone, in.time_zone->value);
    changed.emplace_back("time_zone");
  }
  if (!in.reply_to_email.absent()) {
    std::optional<std::string> next;
    if (in.reply_to_email.is_set()) next = in.reply_to_email.value().value;
    if (next != before->reply_to_email) {
      tx.run(kSetReplyTo, next);
      changed.emplace_back("reply_to_email");
    }
  }
  if (!in.postal_address.absent()) {
    std::optional<std::string> next;
    if (in.postal_address.is_set() && !in.postal_address.value().value.empty())
      next = in.postal_address.value().value;
    if (next != before->postal_address) {
      tx.run(kSetPostalAddress, next);
      changed.emplace_back("postal_address");
    }
  }
  if (in.labour_rate_cents && in.labour_rate_cents->value != before->labour_rate_cents) {
    tx.run(kSetLabourRate, in.labour_rate_cents->value);
    changed.emplace_back("labour_rate_cents");
  }
  if (!changed.empty())
    by.record(tx.connection(), "org.settings_changed", "org", tx.org_id(), changed);
  return settings(tx, sees_prices);
}

std::string time_zone(store::OrgTx& tx) {
  auto r = tx.one<ZoneRow>(kTimeZone);
  return r ? std::move(r->time_zone) : std::string(core::kDefaultTimeZone);
}

}  // namespace bulwark::domain::org
