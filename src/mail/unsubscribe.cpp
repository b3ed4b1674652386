#include "mail/unsubscribe.hpp"

#include <algorithm>
#include <array>

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

}  // namespace bulwark::mail
