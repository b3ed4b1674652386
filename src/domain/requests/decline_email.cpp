#include "domain/requests/decline_email.hpp"

#include <boost/describe/class.hpp>

#include "mail/outbox.hpp"

namespace bulwark::domain::requests {

namespace {

constexpr store::OrgSql kOrgName("SELECT name FROM orgs WHERE id = $1");
constexpr store::OrgSql kRequester(
    "SELECT email, name FROM users WHERE org_id = $1 AND id = $2 AND active = 1");

struct NameRow {
  std::string name;
};
BOOST_DESCRIBE_STRUCT(NameRow, (), (name))
struct UserRow {
  std::string email, name;
};
BOOST_DESCRIBE_STRUCT(UserRow, (), (email, name))

// The request's first line, at most 80 bytes cut at a character boundary.
std::string summary_of(const std::string& description) {
  auto line = description.substr(0, description.find('\n'));
  if (line.size() <= 80) return line;
  std::size_t cut = 80;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "…";
}

}  // namespace

std::optional<std::string> queue_decline_email(store::OrgTx& tx, std::int64_t request_id,
                                               std::int64_t requester_id,
                                               const std::string& description,
                                               const std::string& reason, std::int64_t now) {
  const auto user = tx.one<UserRow>(kRequester, requester_id);
  if (!user) return std::nullopt;
  const auto org = tx.one<NameRow>(kOrgName).value().name;
  mail::Message m;
  m.kind = "request_declined";
  m.to_address = user->email;
  m.subject = org + ": your work request was declined";
  m.text = (user->name.empty() ? std::string("Hello,") : "Hello " + user->name + ",") + "\n\n" +
           org + " declined your work request \"" + summary_of(description) +
           "\".\n\nTheir reason:\n" + reason +
           "\n\nYou can see your requests when you sign in to Bulwark.\n";
  m.idempotency_key = "request_declined:" + std::to_string(request_id);
  if (!mail::enqueue(tx.connection(), tx.org_id(), m, now)) return std::nullopt;
  return std::string("queued");
}

}  // namespace bulwark::domain::requests
