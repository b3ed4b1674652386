#pragma once
// Queuing email (issue 14 item 3). enqueue() runs inside the caller's
// transaction, like the SMS outbox (messaging/outbox.hpp): a message exists
// if and only if the change that caused it committed. It writes one
// email_outbox row, its recipient address, subject and bodies sealed under
// the row's own key (they are a customer's or a user's personal data), and
// one mail.send job (jobs/outbox.hpp) that the jobs worker of any instance
// sends over SMTP (mail/send_job.hpp). The idempotency key names the cause
// ("invitation:42"): the same cause never queues twice.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/expected.hpp"
#include "mail/attachment.hpp"
#include "store/database.hpp"

namespace bulwark::mail {

inline constexpr std::string_view kOutboxTable = "email_outbox";
inline constexpr std::string_view kSendJob = "mail.send";

struct Message {
  std::string kind;  // what caused it: "test", "invitation", "invoice", ...
  std::string to_address;
  std::string subject;
  std::string text;
  std::string html;  // empty: made from `text`
  // Mail to a customer that is not transactional carries List-Unsubscribe
  // (mail/unsubscribe.hpp).
  bool to_customer = false;
  std::optional<std::int64_t> customer_id;
  std::string idempotency_key;  // unique per organization; empty: a fresh random one
  // A file sent with the message, sealed in the row with the bodies (an
  // invoice PDF is a few tens of KB; the row and the job carry no limit of
  // their own, kMaxAttachment bounds it).
  std::optional<Attachment> attachment;
};

inline constexpr std::size_t kMaxAttachment = 5 * 1024 * 1024;

enum class QueueError {
  invalid_address,
  header_injection,
  invalid_utf8,
  duplicate,
  invalid_attachment
};
std::string_view to_string(QueueError e);

// The new email_outbox row's id.
Expected<std::int64_t, QueueError> enqueue(store::Connection& conn, std::int64_t org_id,
                                           const Message& message, std::int64_t now_ms);

}  // namespace bulwark::mail
