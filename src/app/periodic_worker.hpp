#pragma once
// A background loop beside the server (PM generation, the SMS sender, the
// jobs worker, retention sweeps): `tick` runs every `interval` on its own
// thread until the server stops; it returns true when it left work behind
// (a full batch) and wants to run again at once. An exception is logged as
// `failed` with its text and the loop goes on. An interval of 0 starts
// nothing.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string_view>
#include <thread>

#include "logging/log.hpp"

namespace bulwark::app {

inline std::jthread start_periodic(std::chrono::milliseconds interval, std::function<bool()> tick,
                                   logging::Message failed) {
  if (interval.count() <= 0) return {};
  return std::jthread([interval, tick = std::move(tick), failed](std::stop_token stop) {
    std::mutex m;
    std::condition_variable_any cv;
    while (!stop.stop_requested()) {
      bool more = false;
      try {
        more = tick();
      } catch (const std::exception& e) {
        logging::warn(failed, {{logging::Field::reason, std::string_view(e.what())}});
      }
      if (more) continue;
      std::unique_lock lock(m);
      cv.wait_for(lock, stop, interval, [] { return false; });
    }
  });
}

}  // namespace bulwark::app
