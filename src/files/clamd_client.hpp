#pragma once
// Scanning a file with ClamAV's daemon over its socket (MUST-007), with the
// INSTREAM protocol: "zINSTREAM\0", then chunks each preceded by its length
// (4 bytes, big-endian), then a zero length; clamd answers one line. Only
// "stream: OK" accepts the file: "... FOUND" is malware, and anything else (a
// size limit exceeded, an error, no answer, no scanner) refuses it too: the
// upload fails closed and nothing unscanned is stored.
#include <chrono>
#include <string>
#include <string_view>

namespace bulwark::files {

struct ClamdTarget {
  std::string socket_path;  // BULWARK_CLAMD_SOCKET (a Unix socket)
  std::string address;      // BULWARK_CLAMD_ADDRESS (host:port), when no socket path
  std::chrono::milliseconds timeout{30'000};
  bool configured() const { return !socket_path.empty() || !address.empty(); }
};

enum class Verdict { clean, infected, unavailable };

struct ScanResult {
  Verdict verdict = Verdict::unavailable;
  std::string signature;  // the signature's name when infected (for the audit log, never the file)
};

// What clamd's answer means (exposed for tests): "stream: OK" only is clean,
// "stream: <name> FOUND" infected, everything else unavailable.
ScanResult interpret_clamd_answer(std::string_view answer);

// Streams `bytes` to clamd and returns its verdict. Never throws: a scanner
// that cannot be reached, or answers late or oddly, is `unavailable`.
ScanResult scan(const ClamdTarget& target, std::string_view bytes);

}  // namespace bulwark::files
