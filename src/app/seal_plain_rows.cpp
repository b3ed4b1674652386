#include "app/seal_plain_rows.hpp"

#include <utility>

#include "privacy/seal_plain_attachments.hpp"
#include "privacy/seal_plain_customers.hpp"
#include "privacy/seal_plain_messages.hpp"
#include "privacy/seal_plain_texts.hpp"
#include "store/reclaim.hpp"

namespace bulwark::app {

SealReport seal_plain_rows(store::Database& db, const std::string& data_dir,
                           const std::function<void(std::string_view, std::int64_t)>& progress) {
  using Pass = std::function<std::int64_t(store::Database&)>;
  const std::pair<std::string_view, Pass> passes[] = {
      {"customers", [](store::Database& d) { return privacy::seal_plain_rows_customers(d); }},
      {"sites", [](store::Database& d) { return privacy::seal_plain_rows_sites(d); }},
      {"sms_consent", [](store::Database& d) { return privacy::seal_plain_rows_sms_consent(d); }},
      {"sms_messages", &privacy::seal_plain_rows_messages},
      {"visit texts and stored answers", &privacy::seal_plain_rows_texts},
      {"attachments",
       [&data_dir](store::Database& d) {
         return privacy::seal_plain_rows_attachments(d, data_dir);
       }},
  };
  SealReport report;
  for (const auto& [table, pass] : passes)
    if (const auto n = pass(db); n > 0) {
      report.rows += n;
      if (progress) progress(table, n);
    }
  if (report.rows > 0) store::reclaim_rewritten_space(db);
  return report;
}

}  // namespace bulwark::app
