#pragma once
// An SMS's phone number and body are personal data (issue 13 item 1): every
// writer of sms_messages seals them with a fresh row key, every reader opens
// them here. A row without a row key is plain text (from before migration
// 0020 and not yet sealed by the start-up pass, or erased), read as it is.
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"
#include "store/org_tx.hpp"

namespace bulwark::messaging {

inline constexpr std::string_view kMessagesTable = "sms_messages";

struct SealedMessage {
  std::string row_key, phone, body;
};
SealedMessage seal_message(store::OrgTx& tx, std::string_view phone, std::string_view body);

// One column ("phone" or "body") of a row, opened when the row is sealed.
std::string open_message_field(store::OrgTx& tx, std::string_view column,
                               const std::optional<std::string>& row_key, std::string value);
// The same for workers that read across organizations (the SMS sender).
std::string open_message_field(store::Database& db, std::int64_t org, std::string_view column,
                               const std::optional<std::string>& row_key, std::string value);

}  // namespace bulwark::messaging
