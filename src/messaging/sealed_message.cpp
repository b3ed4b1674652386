#include "messaging/sealed_message.hpp"

#include <stdexcept>

namespace bulwark::messaging {

SealedMessage seal_message(store::OrgTx& tx, std::string_view phone, std::string_view body) {
  SealedMessage out;
  out.row_key = tx.new_row_key();
  out.phone = tx.seal(kMessagesTable, "phone", out.row_key, phone);
  out.body = tx.seal(kMessagesTable, "body", out.row_key, body);
  return out;
}

std::string open_message_field(store::OrgTx& tx, std::string_view column,
                               const std::optional<std::string>& row_key, std::string value) {
  if (!row_key) return value;
  return tx.open(kMessagesTable, column, *row_key, value);
}

std::string open_message_field(store::Database& db, std::int64_t org, std::string_view column,
                               const std::optional<std::string>& row_key, std::string value) {
  if (!row_key) return value;
  auto* sealer = db.field_sealer();
  if (!sealer) throw std::logic_error("personal data needs a key ring: the database has none");
  return sealer->open(org, kMessagesTable, column, *row_key, value);
}

}  // namespace bulwark::messaging
