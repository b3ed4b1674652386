#pragma once
// A secret (key, token, password) that cannot be printed or logged by
// accident: no operator<<, no fmt formatter, no implicit conversion. Reading
// it takes an explicit reveal(), which is easy to grep for.
#include <string>
#include <string_view>

namespace bulwark {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}
  Secret(const Secret&) = default;
  Secret& operator=(const Secret&) = default;
  ~Secret() { wipe(); }

  bool empty() const { return value_.empty(); }
  std::size_t size() const { return value_.size(); }
  std::string_view reveal() const { return value_; }

 private:
  void wipe() {
    volatile char* p = value_.data();
    for (std::size_t i = 0; i < value_.size(); ++i) p[i] = 0;
  }
  std::string value_;
};

template <typename Stream>
Stream& operator<<(Stream&, const Secret&) = delete;

}  // namespace bulwark
