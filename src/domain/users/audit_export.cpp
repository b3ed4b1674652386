#include "domain/users/audit_export.hpp"

#include "core/csv.hpp"
#include "domain/timestamps.hpp"
#include "domain/users/service.hpp"
#include "resource/write.hpp"

namespace bulwark::domain::users {

namespace {

constexpr int kPage = 500;

std::string joined(const std::vector<std::string>& fields) {
  std::string out;
  for (const auto& f : fields) {
    if (!out.empty()) out += ' ';
    out += f;
  }
  return out;
}

void write_csv_row(csv::Writer& w, const AuditRecord& r) {
  w.row({csv::number(r.seq), csv::text(domain::rfc3339_text(r.at.ms).view()),
         csv::text(r.actor_type), r.actor_id ? csv::number(*r.actor_id) : std::string(),
         csv::text(r.actor_name.value_or("")), csv::text(r.action), csv::text(r.target_type),
         csv::text(r.target_id), csv::text(r.target_name.value_or("")), csv::text(r.ip),
         csv::text(r.outcome), csv::text(joined(r.fields))});
}

}  // namespace

AuditExport export_audit(store::Database& db, audit::Query q, AuditFormat format,
                         std::int64_t max_rows) {
  AuditExport out;
  const auto names = audit_names(db, q.org_id);
  csv::Writer csv_out;
  if (format == AuditFormat::csv)
    csv_out.row({"seq", "at", "actor_type", "actor_id", "actor_name", "action", "target_type",
                 "target_id", "target_name", "ip", "outcome", "fields"});
  q.limit = kPage;
  while (true) {
    const auto records = audit::list(db, q);
    for (const auto& r : records) {
      if (out.rows == max_rows) {
        out.continue_before = r.seq + 1;  // `before` is exclusive: resume at this record
        break;
      }
      const auto record = audit_record(r, names);
      if (format == AuditFormat::csv) {
        write_csv_row(csv_out, record);
      } else {
        out.body += resource::to_json(record);
        out.body += '\n';
      }
      ++out.rows;
    }
    if (out.continue_before || records.size() < static_cast<std::size_t>(kPage)) break;
    q.before_seq = records.back().seq;
  }
  if (format == AuditFormat::csv) out.body = std::move(csv_out).finish();
  return out;
}

}  // namespace bulwark::domain::users
