#include "identity/device_label.hpp"

#include <array>
#include <utility>

namespace bulwark::identity {

namespace {

bool has(std::string_view ua, std::string_view token) {
  return ua.find(token) != std::string_view::npos;
}

// First match wins: iPads and iPhones say "Mac OS X", Android says "Linux",
// Edge and Opera say "Chrome", and Chrome says "Safari".
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kSystems{{
    {"iPhone", "iPhone"},
    {"iPad", "iPad"},
    {"Android", "Android"},
    {"CrOS", "ChromeOS"},
    {"Windows", "Windows"},
    {"Macintosh", "Mac"},
    {"Mac OS X", "Mac"},
    {"Linux", "Linux"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kBrowsers{{
    {"Edg/", "Edge"},
    {"EdgA/", "Edge"},
    {"OPR/", "Opera"},
    {"SamsungBrowser/", "Samsung Internet"},
    {"Firefox/", "Firefox"},
    {"FxiOS/", "Firefox"},
    {"CriOS/", "Chrome"},
    {"Chrome/", "Chrome"},
    {"Safari/", "Safari"},
}};

// A client that is not a browser ("curl/8.1", "python-requests/2.28"): its
// product name, when it is plain.
std::string product_token(std::string_view ua) {
  const auto slash = ua.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash > 32) return {};
  const auto name = ua.substr(0, slash);
  for (const char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_' || c == '.'))
      return {};
  if (name == "Mozilla") return {};
  return std::string(name);
}

}  // namespace

std::string device_label(std::string_view ua) {
  if (ua.size() > 1024) ua = ua.substr(0, 1024);
  std::string_view system, browser;
  for (const auto& [token, name] : kSystems)
    if (has(ua, token)) {
      system = name;
      break;
    }
  for (const auto& [token, name] : kBrowsers)
    if (has(ua, token)) {
      browser = name;
      break;
    }
  if (!browser.empty() && !system.empty())
    return std::string(browser) + " on " + std::string(system);
  if (!browser.empty()) return std::string(browser);
  if (!system.empty()) return "A browser on " + std::string(system);
  return product_token(ua);
}

}  // namespace bulwark::identity
