#include "mail/unsubscribe.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include "domain/links/tokens.hpp"

namespace bulwark::mail {

namespace {

constexpr std::array<std::string_view, 4> kTransactional{"invoice", "customer_link", "invitation",
                                                         "password_reset"};

}  // namespace

bool transactional(std::string_view kind) {
  return std::ranges::find(kTransactional, kind) != kTransactional.end();
}

std::optional<std::string> list_unsubscribe_for(std::string_view kind, bool to_customer,
                                                std::string_view mailbox) {
  if (!to_customer || transactional(kind)) return std::nullopt;
  return "mailto:" + std::string(mailbox) + "?subject=unsubscribe";
}

OneClick issue_one_click(store::OrgTx& tx, std::int64_t customer_id, std::string_view public_url,
                         std::int64_t now_ms) {
  namespace links = domain::links;
  links::NewLink link;
  link.purpose = links::Purpose::unsubscribe;
  link.subject_id = customer_id;
  link.ttl = std::chrono::milliseconds(kUnsubscribeTtlMs);
  const auto issued = links::issue(tx, link, now_ms);
  const std::string base(public_url);
  return {base + "/api/v1/public/unsubscribe/" + issued.token, base + "/u/" + issued.token};
}

std::string fill_unsubscribe_slot(std::string text, std::string_view url) {
  for (auto at = text.find(kUnsubscribeSlot); at != std::string::npos;
       at = text.find(kUnsubscribeSlot, at + url.size()))
    text.replace(at, kUnsubscribeSlot.size(), url);
  return text;
}

}  // namespace bulwark::mail
