#pragma once
// A fixed-size pool of connections shared by both engines. Connections are
// made lazily by `factory` and dropped when marked broken, so a database
// that went away is reconnected on the next acquire.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/error.hpp"

namespace bulwark::store {

template <typename Conn>
class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<Conn>()>;

  ConnectionPool(std::size_t size, std::chrono::milliseconds acquire_timeout, Factory factory)
      : capacity_(size), acquire_timeout_(acquire_timeout), factory_(std::move(factory)) {}

  // Borrows a connection for the duration of `work`. If work throws and
  // `is_broken(conn)` says so, the connection is dropped instead of returned.
  template <typename Work, typename IsBroken>
  void use(Work&& work, IsBroken&& is_broken) {
    std::unique_ptr<Conn> conn = acquire();
    try {
      work(*conn);
    } catch (...) {
      if (is_broken(*conn))
        release_broken();
      else
        release(std::move(conn));
      throw;
    }
    if (is_broken(*conn))
      release_broken();
    else
      release(std::move(conn));
  }

 private:
  std::unique_ptr<Conn> acquire() {
    std::unique_lock lock(mutex_);
    if (!cv_.wait_for(lock, acquire_timeout_,
                      [&] { return !idle_.empty() || in_use_ < capacity_; }))
      throw DatabaseUnavailable("no database connection became free in time");
    ++in_use_;
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
    lock.unlock();
    try {
      return factory_();  // may throw DatabaseUnavailable
    } catch (...) {
      release_broken();
      throw;
    }
  }
  void release(std::unique_ptr<Conn> c) {
    {
      std::lock_guard lock(mutex_);
      --in_use_;
      idle_.push_back(std::move(c));
    }
    cv_.notify_one();
  }
  void release_broken() {
    {
      std::lock_guard lock(mutex_);
      --in_use_;
    }
    cv_.notify_one();
  }

  const std::size_t capacity_;
  const std::chrono::milliseconds acquire_timeout_;
  Factory factory_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Conn>> idle_;
  std::size_t in_use_ = 0;
};

}  // namespace bulwark::store
