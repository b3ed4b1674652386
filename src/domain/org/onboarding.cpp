#include "domain/org/onboarding.hpp"

#include <boost/describe/class.hpp>
#include <string>

namespace bulwark::domain::org {

namespace {

using store::OrgSql;

// One read, every count scoped to the organization. "Has any work order" is
// an EXISTS, so a company with 200,000 jobs does not count them on each
// dashboard load.
constexpr OrgSql kState(
    "SELECT o.time_zone, o.reply_to_email,"
    " (SELECT COUNT(*) FROM price_items p WHERE p.org_id = $1 AND p.active = 1) AS price_items,"
    " (SELECT COUNT(*) FROM org_sms_numbers n WHERE n.org_id = $1) AS sms_numbers,"
    " (SELECT COUNT(*) FROM users u WHERE u.org_id = $1 AND u.active = 1) AS users,"
    " CASE WHEN EXISTS (SELECT 1 FROM work_orders w WHERE w.org_id = $1) THEN 1 ELSE 0 END"
    "   AS has_work_orders"
    " FROM orgs o WHERE o.id = $1");

struct StateRow {
  std::string time_zone;
  std::optional<std::string> reply_to_email;
  std::int64_t price_items = 0, sms_numbers = 0, users = 0, has_work_orders = 0;
};
BOOST_DESCRIBE_STRUCT(StateRow, (),
                      (time_zone, reply_to_email, price_items, sms_numbers, users, has_work_orders))

std::string plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Expected<Onboarding, ApiError> onboarding(store::OrgTx& tx, const ServerSetup& server) {
  const auto s = tx.one<StateRow>(kState);
  if (!s) return unexpected(ApiError(ErrorCode::not_found, "no such organization"));
  Onboarding out;
  const auto step = [&](const char* key, const char* title, bool done, std::string detail,
                        const char* path) {
    out.steps.push_back({key, title, done, std::move(detail), path});
  };
  // UTC is where a new organization starts when nobody chose; no septic
  // company or plant keeps its day in UTC, so it counts as not chosen yet.
  const bool zone_chosen = s->time_zone != "UTC";
  step("time_zone", "Set your time zone", zone_chosen,
       zone_chosen ? "Days, schedules and customer texts use " + s->time_zone + "."
                   : "Days and customer texts use UTC until you pick your own time zone.",
       "/admin/organization");
  step("prices", "Add your services and prices", s->price_items > 0,
       s->price_items > 0
           ? plural(s->price_items, "item", "items") + " in the price book; check your labour rate."
           : "Add what you sell (a pump-out, disposal per gallon, a trip fee) and your labour "
             "rate, so invoices price themselves.",
       "/admin/price-book");
  const bool texting = server.twilio && s->sms_numbers > 0;
  step("texting", "Text your customers", texting,
       texting ? "Your texting number is ready."
       : server.twilio
           ? "Ask for a texting number on the Messaging page; customers then get appointment texts."
           : "Texting is not set up on this server yet: whoever runs Bulwark for you connects "
             "Twilio (see the README).",
       "/admin/messaging");
  step("payments", "Take card payments", server.stripe,
       server.stripe ? "Customers can pay invoices by card."
                     : "Card payments are not set up on this server yet: whoever runs Bulwark "
                       "for you connects Stripe (see the README).",
       "/invoices");
  const bool email = server.smtp && s->reply_to_email.has_value();
  step("email", "Send email from your business", email,
       email ? "Mail goes out with replies to " + *s->reply_to_email + "."
       : server.smtp
           ? "Add the address customers' replies should go to on the Organization page."
           : "Email is not set up on this server yet: whoever runs Bulwark for you connects an "
             "outgoing mail server (see the README).",
       "/admin/organization");
  step("team", "Add your team", s->users > 1,
       s->users > 1 ? plural(s->users, "person", "people") + " can sign in."
                    : "Add your dispatchers and technicians so they can sign in.",
       "/admin/users");
  step("first_job", "Schedule your first job", s->has_work_orders != 0,
       s->has_work_orders != 0 ? "Work orders are on the board."
                               : "Create a work order for a customer and put it on the schedule.",
       "/work-orders/new");
  out.total = static_cast<std::int64_t>(out.steps.size());
  for (const auto& st : out.steps) out.done_count += st.done ? 1 : 0;
  return out;
}

}  // namespace bulwark::domain::org
