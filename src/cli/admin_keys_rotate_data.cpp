// bulwark admin keys rotate-data --org SLUG (issue 13 item 3): a new data key
// for one organization, every sealed row re-sealed under it while the API
// keeps serving, then the old keys retired. Resumable: run it again after a
// crash and it finishes the rotation it started (the newest unretired key
// stays the target) instead of adding another key.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <thread>

#include "audit/audit_log.hpp"
#include "cli/admin_commands.hpp"
#include "cli/admin_keys.hpp"
#include "crypto/key_ring.hpp"
#include "crypto/key_store.hpp"
#include "identity/clock.hpp"
#include "privacy/personal_tables.hpp"
#include "privacy/rotate_data.hpp"
#include "privacy/rotate_files.hpp"

namespace bulwark::cli::admin {

namespace {

using Clock = std::chrono::steady_clock;

// "[#########...........]  45%  4,500/10,000 rows  1,200 rows/s  ETA 5 s" on
// one terminal line (stderr), redrawn at most every 200 ms.
class ProgressBar {
 public:
  explicit ProgressBar(std::int64_t total) : total_(total), start_(Clock::now()) {}
  void update(std::int64_t done, bool last = false) {
    const auto now = Clock::now();
    if (!last && now - drawn_ < std::chrono::milliseconds(200)) return;
    drawn_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    const auto shown = std::min(done, total_);
    const int width = 24;
    const int filled = total_ > 0 ? static_cast<int>(width * shown / total_) : width;
    const auto eta =
        rate > 0 ? static_cast<long long>(static_cast<double>(total_ - shown) / rate) : 0;
    std::fprintf(stderr, "\r[%s%s] %3lld%%  %lld/%lld rows  %.0f rows/s  ETA %lld s ",
                 std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                 total_ > 0 ? static_cast<long long>(100 * shown / total_) : 100LL,
                 static_cast<long long>(shown), static_cast<long long>(total_), rate, eta);
    if (last) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  std::int64_t total_;
  Clock::time_point start_, drawn_{};
};

int rotate_data(const std::string& slug) {
  config::Config c;
  auto db = open_db(c);
  const Secret master = checked_master_key(c, *db);
  const auto org = require_org(*db, slug);
  auto* sealer = db->field_sealer();
  if (!sealer) throw Failure("the key ring is not available (check BULWARK_MASTER_KEY)");

  // Resume a rotation that did not finish, or start one.
  std::vector<crypto::StoredKey> keys;
  db->with_connection([&](store::Connection& conn) { keys = crypto::org_keys(conn, org.id); });
  int unretired = 0;
  for (const auto& k : keys)
    if (k.purpose == crypto::kDataPurpose && !k.retired_at) ++unretired;
  std::uint32_t target = 0;
  if (unretired > 1) {
    sealer->refresh(org.id);
    target = sealer->active_key_id(org.id);
    std::printf("resuming the rotation to data key %u\n", target);
  } else {
    db->transaction([&](store::Connection& conn) {
      target = crypto::add_data_key(conn, master, org.id, identity::now_ms());
      audit::append(conn, cli_entry(org.id, "keys.data_rotation_started", "data_key",
                                    std::to_string(target)));
    });
    sealer->refresh(org.id);
    std::printf("new data key %u for %s; re-sealing its personal data\n", target, slug.c_str());
  }

  const auto total =
      privacy::count_sealed_rows(*db, org.id) + privacy::count_sealed_files(*db, org.id);
  std::int64_t rewritten = 0;
  const auto started = Clock::now();
  for (int pass = 1;; ++pass) {
    ProgressBar bar(total);
    auto done = privacy::reseal_pass(*db, org.id, target, [&](std::int64_t n) { bar.update(n); });
    // Then the attachment files, each one envelope under a blob key.
    const auto files = privacy::reseal_files_pass(
        *db, c.data_dir, org.id, target, [&](std::int64_t n) { bar.update(done.scanned + n); });
    done.scanned += files.scanned;
    done.rewritten += files.rewritten;
    done.raced += files.raced;
    bar.update(done.scanned, true);
    rewritten += done.rewritten;
    std::printf("pass %d: %lld rows read, %lld re-sealed, %lld changed meanwhile\n", pass,
                static_cast<long long>(done.scanned), static_cast<long long>(done.rewritten),
                static_cast<long long>(done.raced));
    std::fflush(stdout);
    if (pass > 1 && done.rewritten == 0 && done.raced == 0) break;
    if (pass == 1) {
      // Instances read an organization's keys again within this time; after
      // it nobody seals with the old key, and the next pass finds the rest.
      std::printf("waiting %lld s for every instance to use the new key\n",
                  static_cast<long long>(crypto::KeyRing::kKeysTtl.count()));
      std::fflush(stdout);
      std::this_thread::sleep_for(crypto::KeyRing::kKeysTtl + std::chrono::seconds(1));
    }
    if (pass >= 20) throw Failure("rows keep changing under the rotation; run it again later");
  }
  std::int64_t retired = 0;
  db->transaction([&](store::Connection& conn) {
    retired = crypto::retire_data_keys_except(conn, org.id, target, identity::now_ms());
    auto entry = cli_entry(org.id, "keys.data_rotated", "data_key", std::to_string(target));
    for (const auto& t : privacy::personal_tables()) entry.fields.emplace_back(t.table);
    entry.fields.emplace_back("attachment files");
    audit::append(conn, entry);
  });
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::printf(
      "done: %lld rows re-sealed in %.1f s; %lld old data key(s) retired; only key %u "
      "seals %s's data now\n",
      static_cast<long long>(rewritten), seconds, static_cast<long long>(retired), target,
      slug.c_str());
  return kOk;
}

}  // namespace

void register_keys_rotate_data(CLI::App& keys, const Chosen& chosen) {
  auto slug = std::make_shared<std::string>();
  auto* cmd = keys.add_subcommand(
      "rotate-data",
      "Re-seal one organization's personal data under a new data key while the API keeps "
      "serving (audited, resumable); then retire the old key.");
  cmd->add_option("--org", *slug, "The organization's slug")->required();
  cmd->callback([chosen, slug] { *chosen = [slug] { return rotate_data(*slug); }; });
}

}  // namespace bulwark::cli::admin
