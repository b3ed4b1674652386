#pragma once
// Per-client token buckets, one set per rate class. In memory, per instance:
// the account lockout that must be shared between instances lives in the
// database (identity issue); this limiter only blunts floods from one IP.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bulwark::security {

struct RateLimit {
  double burst = 0;           // bucket size
  double refill_per_sec = 0;  // tokens added per second
  bool unlimited() const { return burst <= 0; }
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // Returns nullopt when the request may proceed, else how long to wait.
  std::optional<std::chrono::seconds> acquire(std::string_view key, const RateLimit& limit,
                                              Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, Bucket> buckets;
  };
  static constexpr std::size_t kShards = 16;
  static constexpr std::size_t kMaxBucketsPerShard = 50'000;
  void prune(Shard& shard, const RateLimit& limit, Clock::time_point now);

  Shard shards_[kShards];
};

}  // namespace bulwark::security
