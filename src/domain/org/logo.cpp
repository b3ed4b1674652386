#include "domain/org/logo.hpp"

#include <boost/describe.hpp>

#include "crypto/random.hpp"

namespace bulwark::domain::org {

namespace {

using store::OrgSql;

constexpr OrgSql kSetLogo("UPDATE orgs SET logo_png = $2, logo_updated_at = $3 WHERE id = $1");
constexpr OrgSql kClearLogo(
    "UPDATE orgs SET logo_png = NULL, logo_updated_at = NULL WHERE id = $1 AND logo_png IS NOT "
    "NULL");
constexpr OrgSql kLogo("SELECT logo_png FROM orgs WHERE id = $1");

struct LogoRow {
  std::optional<std::string> logo_png;
};
BOOST_DESCRIBE_STRUCT(LogoRow, (), (logo_png))

}  // namespace

void set_logo(store::OrgTx& tx, const audit::Actor& by, std::string_view png, std::int64_t now) {
  tx.run(kSetLogo, crypto::base64(png), now);
  by.record(tx.connection(), "org.logo_changed", "org", tx.org_id(), {"logo"});
}

bool remove_logo(store::OrgTx& tx, const audit::Actor& by) {
  if (tx.run(kClearLogo).affected == 0) return false;
  by.record(tx.connection(), "org.logo_removed", "org", tx.org_id(), {"logo"});
  return true;
}

std::optional<std::string> logo(store::OrgTx& tx) {
  auto row = tx.one<LogoRow>(kLogo);
  if (!row || !row->logo_png) return std::nullopt;
  return crypto::from_base64(*row->logo_png);
}

}  // namespace bulwark::domain::org
