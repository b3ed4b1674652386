#include "security/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace bulwark::security {

std::optional<std::chrono::seconds> RateLimiter::acquire(std::string_view key,
                                                         const RateLimit& limit,
                                                         Clock::time_point now) {
  if (limit.unlimited()) return std::nullopt;
  Shard& shard = shards_[std::hash<std::string_view>{}(key) % kShards];
  std::lock_guard lock(shard.mutex);
  auto it = shard.buckets.find(std::string(key));
  if (it == shard.buckets.end()) {
    if (shard.buckets.size() >= kMaxBucketsPerShard) prune(shard, limit, now);
    it = shard.buckets.emplace(std::string(key), Bucket{limit.burst, now}).first;
  }
  Bucket& b = it->second;
  const double elapsed = std::chrono::duration<double>(now - b.updated).count();
  b.tokens = std::min(limit.burst, b.tokens + elapsed * limit.refill_per_sec);
  b.updated = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return std::nullopt;
  }
  const double wait = (1.0 - b.tokens) / limit.refill_per_sec;
  return std::chrono::seconds(static_cast<long>(std::ceil(std::max(wait, 1.0))));
}

// Buckets that have refilled completely carry no information: drop them. If a
// flood of distinct keys keeps the shard full anyway, drop everything rather
// than grow without bound (a reset only ever favours clients, briefly).
void RateLimiter::prune(Shard& shard, const RateLimit& limit, Clock::time_point now) {
  std::erase_if(shard.buckets, [&](const auto& kv) {
    const double elapsed = std::chrono::duration<double>(now - kv.second.updated).count();
    return kv.second.tokens + elapsed * limit.refill_per_sec >= limit.burst;
  });
  if (shard.buckets.size() >= kMaxBucketsPerShard) shard.buckets.clear();
}

}  // namespace bulwark::security
