#include "audit/archive_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "crypto/chunked_stream.hpp"
#include "crypto/random.hpp"

namespace bulwark::audit {

namespace {

boost::json::object to_json(const Record& r) {
  boost::json::array fields;
  for (const auto& f : r.entry.fields) fields.emplace_back(f);
  boost::json::object o;
  o["id"] = r.id;
  o["org_id"] = r.org_id;
  o["seq"] = r.seq;
  o["at"] = r.at_ms;
  o["actor_type"] = r.entry.actor_type;
  o["actor_id"] = r.entry.actor_id ? boost::json::value(*r.entry.actor_id) : nullptr;
  o["action"] = r.entry.action;
  o["target_type"] = r.entry.target_type;
  o["target_id"] = r.entry.target_id;
  o["ip"] = r.entry.ip;
  o["outcome"] = r.entry.outcome;
  o["fields"] = std::move(fields);
  o["prev_hash"] = r.prev_hash;
  o["hash"] = r.hash;
  return o;
}

Record from_json(const boost::json::object& o) {
  const auto text = [&](const char* k) { return std::string(o.at(k).as_string()); };
  Record r;
  r.id = o.at("id").as_int64();
  r.org_id = o.at("org_id").as_int64();
  r.seq = o.at("seq").as_int64();
  r.at_ms = o.at("at").as_int64();
  r.entry.org_id = r.org_id;
  r.entry.actor_type = text("actor_type");
  if (!o.at("actor_id").is_null()) r.entry.actor_id = o.at("actor_id").as_int64();
  r.entry.action = text("action");
  r.entry.target_type = text("target_type");
  r.entry.target_id = text("target_id");
  r.entry.ip = text("ip");
  r.entry.outcome = text("outcome");
  for (const auto& f : o.at("fields").as_array())
    r.entry.fields.emplace_back(std::string(f.as_string()));
  r.prev_hash = text("prev_hash");
  r.hash = text("hash");
  return r;
}

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const auto n = ::write(fd, bytes.data(), bytes.size());
    if (n <= 0) throw std::runtime_error("cannot write the audit archive file");
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

std::string archive_file_name(std::int64_t org, const std::string& month, std::int64_t first_seq) {
  return std::to_string(org) + "/" + month + "-" + std::to_string(first_seq) + ".bwaudit";
}

std::string write_archive_file(const std::string& dir, std::int64_t org, const std::string& month,
                               const std::vector<Record>& records) {
  auto key_hex = crypto::random_hex(32);
  const auto key = crypto::parse_backup_key(key_hex).value();
  const std::filesystem::path path =
      std::filesystem::path(dir) / archive_file_name(org, month, records.front().seq);
  std::filesystem::create_directories(path.parent_path());
  const auto tmp = path.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create the audit archive file");
  try {
    crypto::ChunkedEncryptor enc(key, crypto::BackupKind::audit_archive,
                                 [fd](std::string_view b) { write_all(fd, b); });
    for (const auto& r : records) enc.write(boost::json::serialize(to_json(r)) + "\n");
    enc.finish();
    if (::fsync(fd) != 0) throw std::runtime_error("cannot flush the audit archive file");
  } catch (...) {
    ::close(fd);
    std::filesystem::remove(tmp);
    throw;
  }
  ::close(fd);
  std::filesystem::rename(tmp, path);
  return key_hex;
}

Expected<std::vector<Record>, std::string> read_archive_file(const std::string& path,
                                                             const std::string& key_hex) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return unexpected(std::string("missing"));
  std::string plain;
  const auto key = crypto::parse_backup_key(key_hex);
  if (!key) {
    std::fclose(f);
    return unexpected(std::string("its key does not parse"));
  }
  const auto done = crypto::decrypt_backup(
      *key, [f](char* buf, std::size_t n) { return std::fread(buf, 1, n, f); },
      [&plain](std::string_view chunk) { plain.append(chunk); });
  std::fclose(f);
  if (!done) return unexpected("altered or truncated (" + done.error() + ")");
  std::vector<Record> out;
  try {
    std::size_t start = 0;
    while (start < plain.size()) {
      const auto end = plain.find('\n', start);
      out.push_back(from_json(boost::json::parse(plain.substr(start, end - start)).as_object()));
      if (end == std::string::npos) break;
      start = end + 1;
    }
  } catch (const std::exception&) {
    return unexpected(std::string("its content does not parse"));
  }
  return out;
}

}  // namespace bulwark::audit
