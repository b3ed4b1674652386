#include "messaging/templates.hpp"

#include <algorithm>
#include <array>
#include <boost/describe/class.hpp>

#include "store/org_tx.hpp"

namespace bulwark::messaging {

namespace {

constexpr store::OrgSql kTemplate("SELECT body FROM sms_templates WHERE org_id = $1 AND kind = $2");
struct BodyRow {
  std::string body;
};
BOOST_DESCRIBE_STRUCT(BodyRow, (), (body))

constexpr std::array kKinds = {
    TemplateKind{"confirmation", "sent when a work order is scheduled",
                 "{org}: your service {number} is scheduled for {date}, {time}. Reply YES to "
                 "confirm, HELP for help, STOP to opt out."},
    TemplateKind{"reminder", "sent the day before a scheduled visit",
                 "{org}: reminder, your service {number} is on {date}, {time}. Reply YES to "
                 "confirm."},
    TemplateKind{"on_the_way", "sent when the technician sets off",
                 "{org}: your technician is on the way for {number}."},
    TemplateKind{"completion", "sent when the work order is completed",
                 "{org}: service {number} is complete. Thank you, {customer}!"},
    TemplateKind{"invoice", "sent with the online payment link",
                 "{org}: your invoice {number} for {amount} is ready. Pay online: {link}"},
    TemplateKind{"help", "the reply to HELP",
                 "{org}: reply YES to confirm your next visit, STOP to stop messages. Call us for "
                 "anything else."},
    TemplateKind{"opted_out", "the reply to an opt-out in words Twilio does not confirm itself",
                 "{org}: you are unsubscribed and will get no more texts from us. Reply START to "
                 "resubscribe."},
    TemplateKind{"confirmed", "the reply to YES",
                 "{org}: thank you, your visit {number} on {date} is confirmed."},
    TemplateKind{"message", "a message typed by the office", "{body}"},
    TemplateKind{"customer_link", "sent with a customer link (appointment, invoice, report)",
                 "{org}: your link for {number}: {link}"},
    TemplateKind{"service_reminder",
                 "sent before a service plan is due (marketing: needs the customer's consent)",
                 "{org}: your {service} is due around {date}. Ask for a visit: {link} Reply STOP "
                 "to opt out."},
    TemplateKind{"request_declined", "sent to a requester when the office declines a work request",
                 "{org}: about your request: {body}"},
};

constexpr std::array<std::string_view, 10> kPlaceholders = {
    "org", "customer", "number", "date", "time", "amount", "link", "body", "technician", "service"};

}  // namespace

std::span<const TemplateKind> template_kinds() { return kKinds; }

const TemplateKind* find_template_kind(std::string_view kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return &k;
  return nullptr;
}

std::optional<std::string> template_problem(std::string_view body) {
  if (body.empty()) return "must not be empty";
  if (body.size() > kMaxTemplateLength)
    return "must be at most " + std::to_string(kMaxTemplateLength) + " characters";
  for (std::size_t open = body.find('{'); open != std::string_view::npos;
       open = body.find('{', open + 1)) {
    const auto close = body.find('}', open);
    if (close == std::string_view::npos) return "has a '{' without '}'";
    const auto name = body.substr(open + 1, close - open - 1);
    if (std::ranges::find(kPlaceholders, name) == kPlaceholders.end())
      return "uses an unknown placeholder {" + std::string(name) + "}";
  }
  return std::nullopt;
}

std::string template_for(store::Connection& conn, std::int64_t org_id, std::string_view kind) {
  store::OrgTx tx(conn, org_id);
  if (auto custom = tx.one<BodyRow>(kTemplate, kind)) return std::move(custom->body);
  const auto* k = find_template_kind(kind);
  return k ? std::string(k->default_body) : std::string();
}

std::string render(std::string_view body, const std::map<std::string, std::string>& vars) {
  std::string out;
  out.reserve(body.size() + 64);
  std::size_t i = 0;
  while (i < body.size()) {
    const auto open = body.find('{', i);
    const auto close = open == std::string_view::npos ? open : body.find('}', open);
    if (close == std::string_view::npos) {
      out.append(body.substr(i));
      break;
    }
    out.append(body.substr(i, open - i));
    auto it = vars.find(std::string(body.substr(open + 1, close - open - 1)));
    if (it != vars.end())
      out += it->second;
    else
      out.append(body.substr(open, close - open + 1));
    i = close + 1;
  }
  return out;
}

}  // namespace bulwark::messaging
