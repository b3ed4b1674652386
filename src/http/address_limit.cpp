#include "http/address_limit.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <utility>

namespace bulwark::http {

std::string client_address_key(std::string_view ip) {
  std::string text(ip.substr(0, ip.find('%')));  // drop an IPv6 zone ("fe80::1%eth0")
  if (text.size() > 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);
  std::array<unsigned char, 16> bytes{};
  char out[INET6_ADDRSTRLEN];
  if (inet_pton(AF_INET, text.c_str(), bytes.data()) == 1)
    return inet_ntop(AF_INET, bytes.data(), out, sizeof out) ? std::string(out) : text;
  if (inet_pton(AF_INET6, text.c_str(), bytes.data()) != 1) return std::string(ip);
  static constexpr std::array<unsigned char, 12> kV4Mapped = {0, 0, 0, 0, 0,    0,
                                                              0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kV4Mapped.begin(), kV4Mapped.end(), bytes.begin()))
    return inet_ntop(AF_INET, bytes.data() + 12, out, sizeof out) ? std::string(out) : text;
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  if (!inet_ntop(AF_INET6, bytes.data(), out, sizeof out)) return text;
  return std::string(out) + "/64";
}

AddressLimit::Slot& AddressLimit::Slot::operator=(Slot&& other) noexcept {
  if (this != &other) {
    reset();
    owner_ = std::exchange(other.owner_, nullptr);
    key_ = std::move(other.key_);
  }
  return *this;
}

void AddressLimit::Slot::reset() {
  if (owner_) owner_->release(key_);
  owner_ = nullptr;
}

std::optional<AddressLimit::Slot> AddressLimit::acquire(std::string key) {
  std::lock_guard lock(mutex_);
  auto& n = open_[key];
  if (per_key_ != 0 && n >= per_key_) return std::nullopt;
  ++n;
  return Slot(this, std::move(key));
}

void AddressLimit::release(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = open_.find(key);
  if (it == open_.end()) return;
  if (--it->second == 0) open_.erase(it);
}

std::size_t AddressLimit::open(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = open_.find(key);
  return it == open_.end() ? 0 : it->second;
}

}  // namespace bulwark::http
