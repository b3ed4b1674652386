#include "config/smtp.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace bulwark::config {

namespace {

// The same shape as mail::valid_address (config sits below mail/): one '@',
// printable ASCII, no spaces or brackets.
bool plausible_address(std::string_view a) {
  const auto at = a.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == a.size() || a.size() > 254) return false;
  if (a.find('@', at + 1) != std::string_view::npos) return false;
  for (unsigned char c : a)
    if (c <= 0x20 || c > 0x7e ||
        std::string_view("\"<>(),;:[]\\").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
  return true;
}

std::string authority(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  auto rest = url.substr(scheme + 3);
  return std::string(rest.substr(0, rest.find_first_of("/?#")));
}

}  // namespace

std::string smtp_host(std::string_view url) {
  const auto auth = authority(url);
  if (auth.starts_with('[')) {
    const auto close = auth.find(']');
    return close == std::string::npos ? std::string() : auth.substr(1, close - 1);
  }
  return auth.substr(0, auth.find(':'));
}

bool SmtpSettings::loopback() const {
  const auto host = smtp_host(url);
  if (host == "localhost" || host == "::1") return true;
  // 127.0.0.0/8 written as four numbers (not "127.0.0.1.evil.example").
  if (!host.starts_with("127.") || std::count(host.begin(), host.end(), '.') != 3) return false;
  return host.find_first_not_of("0123456789.") == std::string::npos;
}

std::vector<std::string> read_smtp(
    const std::function<std::optional<std::string>(const char*)>& getenv, SmtpSettings& out) {
  std::vector<std::string> problems;
  auto raw = [&](const char* name) {
    auto v = getenv(name);
    if (v && v->empty()) v.reset();
    return v;
  };
  if (auto v = raw("BULWARK_SMTP_URL")) out.url = *v;
  if (auto v = raw("BULWARK_SMTP_USER")) out.user = *v;
  if (auto v = raw("BULWARK_SMTP_CA_FILE")) out.ca_file = *v;
  if (auto v = raw("BULWARK_MAIL_FROM")) out.mail_from = *v;
  auto password = raw("BULWARK_SMTP_PASSWORD");
  if (auto file = raw("BULWARK_SMTP_PASSWORD_FILE")) {
    if (password)
      problems.emplace_back(
          "BULWARK_SMTP_PASSWORD_FILE: set only one of it and BULWARK_SMTP_PASSWORD");
    std::ifstream in(*file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      problems.emplace_back("BULWARK_SMTP_PASSWORD_FILE: cannot be read");
    } else {
      auto p = text.str();
      while (!p.empty() && (p.back() == '\n' || p.back() == '\r')) p.pop_back();
      password = std::move(p);
      out.password_file = *file;
    }
  }
  if (password) out.password = Secret(std::move(*password));

  if (out.url.empty()) {
    if (!out.mail_from.empty() || !out.user.empty() || !out.password.empty())
      problems.emplace_back("BULWARK_SMTP_URL: required when the other mail settings are set");
    return problems;
  }
  if (!out.url.starts_with("smtp://") && !out.url.starts_with("smtps://"))
    problems.emplace_back(
        "BULWARK_SMTP_URL: must be smtp://host[:port] (STARTTLS) or smtps://host[:port]");
  else if (authority(out.url).find('@') != std::string::npos)
    problems.emplace_back(
        "BULWARK_SMTP_URL: put the user name and password in BULWARK_SMTP_USER and "
        "BULWARK_SMTP_PASSWORD, not in the URL");
  else if (smtp_host(out.url).empty())
    problems.emplace_back("BULWARK_SMTP_URL: names no host");
  if (out.mail_from.empty())
    problems.emplace_back("BULWARK_MAIL_FROM: required with BULWARK_SMTP_URL (the From address)");
  else if (!plausible_address(out.mail_from))
    problems.emplace_back("BULWARK_MAIL_FROM: must be a plain address like office@example.com");
  if (out.user.empty() != out.password.empty())
    problems.emplace_back("BULWARK_SMTP_USER: set together with BULWARK_SMTP_PASSWORD[_FILE]");
  return problems;
}

std::vector<std::pair<std::string, std::string>> describe_smtp(const SmtpSettings& s) {
  auto or_not_set = [](const std::string& v) { return v.empty() ? std::string("(not set)") : v; };
  std::string url = "(not set: email waits in the outbox)";
  if (!s.url.empty())
    url = s.url + (s.implicit_tls() ? " (implicit TLS, certificate verified)"
                   : s.loopback()   ? " (loopback: STARTTLS when offered)"
                                    : " (STARTTLS required, certificate verified)");
  return {
      {"BULWARK_SMTP_URL", url},
      {"BULWARK_SMTP_USER", or_not_set(s.user)},
      {"BULWARK_SMTP_PASSWORD", s.password.empty() ? "(not set)" : "(set)"},
      {"BULWARK_SMTP_PASSWORD_FILE", or_not_set(s.password_file)},
      {"BULWARK_SMTP_CA_FILE", or_not_set(s.ca_file)},
      {"BULWARK_MAIL_FROM", or_not_set(s.mail_from)},
  };
}

}  // namespace bulwark::config
