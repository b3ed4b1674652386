#include "files/clamd_client.hpp"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <utility>

namespace bulwark::files {

namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxAnswer = 4096;

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  int get() const { return fd_; }

 private:
  int fd_;
};

void set_timeouts(int fd, std::chrono::milliseconds t) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(t.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((t.count() % 1000) * 1000);
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

std::optional<Fd> connect_unix(const std::string& path, std::chrono::milliseconds timeout) {
  sockaddr_un addr{};
  if (path.size() >= sizeof addr.sun_path) return std::nullopt;
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.data(), path.size());
  Fd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (fd.get() < 0) return std::nullopt;
  set_timeouts(fd.get(), timeout);
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0)
    return std::nullopt;
  return fd;
}

std::optional<Fd> connect_tcp(const std::string& address, std::chrono::milliseconds timeout) {
  const auto colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string host = address.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  const std::string port = address.substr(colon + 1);
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0) return std::nullopt;
  std::optional<Fd> out;
  for (addrinfo* a = found; a && !out; a = a->ai_next) {
    Fd fd(::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol));
    if (fd.get() < 0) continue;
    set_timeouts(fd.get(), timeout);
    if (::connect(fd.get(), a->ai_addr, a->ai_addrlen) == 0) out.emplace(std::move(fd));
  }
  ::freeaddrinfo(found);
  return out;
}

bool send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const auto n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string length_prefix(std::size_t n) {
  const auto v = static_cast<std::uint32_t>(n);
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

}  // namespace

ScanResult interpret_clamd_answer(std::string_view answer) {
  // z-commands end the answer with NUL; tolerate a newline too.
  while (!answer.empty() && (answer.back() == '\0' || answer.back() == '\n'))
    answer.remove_suffix(1);
  if (answer == "stream: OK") return {Verdict::clean, {}};
  constexpr std::string_view kPrefix = "stream: ", kFound = " FOUND";
  if (answer.starts_with(kPrefix) && answer.ends_with(kFound) &&
      answer.size() > kPrefix.size() + kFound.size()) {
    std::string name(answer.substr(kPrefix.size(), answer.size() - kPrefix.size() - kFound.size()));
    // A signature name is printable text; keep the audit entry clean.
    std::replace_if(
        name.begin(), name.end(), [](char c) { return c < 32 || c > 126; }, '?');
    return {Verdict::infected, name.substr(0, 200)};
  }
  return {Verdict::unavailable, {}};
}

ScanResult scan(const ClamdTarget& target, std::string_view bytes) {
  if (!target.configured()) return {};
  auto fd = target.socket_path.empty() ? connect_tcp(target.address, target.timeout)
                                       : connect_unix(target.socket_path, target.timeout);
  if (!fd) return {};
  if (!send_all(fd->get(), std::string_view("zINSTREAM\0", 10))) return {};
  for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
    const auto chunk = bytes.substr(at, kChunk);
    // clamd may close early (StreamMaxLength): a failed send is then not
    // final, its answer says why; read it below.
    if (!send_all(fd->get(), length_prefix(chunk.size())) || !send_all(fd->get(), chunk)) break;
  }
  send_all(fd->get(), length_prefix(0));
  std::string answer;
  std::array<char, 512> buf{};
  while (answer.size() < kMaxAnswer) {
    const auto n = ::recv(fd->get(), buf.data(), buf.size(), 0);
    if (n <= 0) break;
    answer.append(buf.data(), static_cast<std::size_t>(n));
    if (answer.find('\0') != std::string::npos) break;
  }
  return interpret_clamd_answer(answer);
}

}  // namespace bulwark::files
