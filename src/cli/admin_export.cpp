// `bulwark admin export --org SLUG [--out FILE]`: the whole organization's
// data as one ZIP (domain/privacy/org_export.hpp), written by the operator
// without the server; the same archive the export job builds. Audited.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>

#include "cli/admin_commands.hpp"
#include "domain/privacy/org_export.hpp"
#include "identity/clock.hpp"
#include "store/org_tx.hpp"

namespace bulwark::cli::admin {

namespace {

struct ExportOptions {
  std::string org;
  std::string out;
};

// The archive holds every customer's personal data in plain text: the file
// is created readable by its owner only, before a byte is written.
void write_private_file(const std::string& path, const std::string& bytes) {
  const mode_t before = ::umask(077);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  ::umask(before);
  if (!f) throw Failure("cannot write " + path);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) throw Failure("cannot write " + path);
}

int run_export(const ExportOptions& o) {
  config::Config c;
  auto db = open_db(c);
  const auto org = require_org(*db, o.org);
  const auto now = identity::now_ms();
  const store::BlobStore blobs(c.data_dir);
  auto archive = store::read_org(*db, org.id, [&](store::OrgTx& tx) {
    return domain::privacy::build_org_export(
        tx, blobs, now, [](const domain::privacy::ExportProgress& p) {
          std::fprintf(stderr, "%s: %lld %s (%d of %d tables)\n", std::string(p.table).c_str(),
                       static_cast<long long>(p.rows), p.table == "files" ? "files" : "rows",
                       p.tables_done, p.tables_total);
        });
  });
  const auto path = o.out.empty() ? o.org + "-export.zip" : o.out;
  write_private_file(path, archive.zip);
  db->transaction([&](store::Connection& conn) {
    auto entry = cli_entry(org.id, "org.exported", "org", std::to_string(org.id));
    entry.fields = {"tables", "attachments"};
    audit::append(conn, entry);
  });
  std::fprintf(stderr, "%d tables, %lld rows, %lld files\n", archive.tables,
               static_cast<long long>(archive.rows), static_cast<long long>(archive.files));
  std::printf("%s\n", path.c_str());
  return kOk;
}

}  // namespace

void register_export(CLI::App& admin, const Chosen& chosen) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = add_command(
      admin, chosen, "export",
      "Write an organization's whole data (every table as JSON Lines, attachments, personal data "
      "decrypted; never password hashes, sessions or keys) into one ZIP. Progress on stderr.",
      [o] { return run_export(*o); });
  cmd->add_option("--org", o->org, "The organization's slug")->required();
  cmd->add_option("--out", o->out, "The ZIP to write (default: SLUG-export.zip); mode 0600");
}

}  // namespace bulwark::cli::admin
