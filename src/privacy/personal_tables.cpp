#include "privacy/personal_tables.hpp"

namespace bulwark::privacy {

const std::vector<PersonalTable>& personal_tables() {
  static const std::vector<PersonalTable> tables = {
      {"sms_messages",
       {"phone", "body"},
       store::OrgSql("SELECT id, row_key, phone, body FROM sms_messages WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE sms_messages SET phone = $3, body = $4 WHERE org_id = $1 AND id = $2 "
                     "AND phone = $5 AND body = $6"),
       store::OrgSql(
           "SELECT COUNT(*) FROM sms_messages WHERE org_id = $1 AND row_key IS NOT NULL")},
      // The names and captions; the files themselves are not re-sealed yet
      // (their old key stays stored, retired and readable).
      {"attachments",
       {"original_name", "caption"},
       store::OrgSql(
           "SELECT id, row_key, original_name, caption FROM attachments WHERE org_id = $1 "
           "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE attachments SET original_name = $3, caption = $4 WHERE org_id = $1 "
                     "AND id = $2 AND original_name = $5 AND caption = $6"),
       store::OrgSql("SELECT COUNT(*) FROM attachments WHERE org_id = $1 AND row_key IS NOT NULL")},
  };
  return tables;
}

}  // namespace bulwark::privacy
