#pragma once
// Per-client connection limit: without it one address holding idle sockets
// takes every slot under BULWARK_MAX_CONNECTIONS and locks everyone else out.
// Counted by TCP peer; an IPv6 client controls at least a /64, so its /64 is
// one client. The server exempts the trusted proxy (all clients arrive from
// it; the proxy must enforce its own per-client limit).
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bulwark::http {

// "203.0.113.7" for IPv4 (also when written as ::ffff:203.0.113.7),
// "2001:db8:1:2::/64" for IPv6. Text that is not an address is its own key.
std::string client_address_key(std::string_view ip);

// Open connections per key. Thread-safe: slots are taken on the accept strand
// and given back from whichever thread ends the connection.
class AddressLimit {
 public:
  // One counted connection; gives its place back when destroyed. A
  // default-constructed slot counts nothing (an exempt or unlimited peer).
  class Slot {
   public:
    Slot() = default;
    Slot(Slot&& other) noexcept { *this = std::move(other); }
    Slot& operator=(Slot&& other) noexcept;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() { reset(); }
    void reset();

   private:
    friend class AddressLimit;
    Slot(AddressLimit* owner, std::string key) : owner_(owner), key_(std::move(key)) {}
    AddressLimit* owner_ = nullptr;
    std::string key_;
  };

  explicit AddressLimit(std::size_t per_key) : per_key_(per_key) {}  // 0: unlimited
  bool unlimited() const { return per_key_ == 0; }
  // Nothing (and nothing counted) when `key` already holds its limit.
  std::optional<Slot> acquire(std::string key);
  std::size_t open(const std::string& key) const;

 private:
  void release(const std::string& key);

  const std::size_t per_key_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> open_;
};

}  // namespace bulwark::http
