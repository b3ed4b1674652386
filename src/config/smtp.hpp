#pragma once
// Email settings (issue 14 item 3): the SMTP relay the jobs worker sends
// through (mail/smtp.hpp). `smtp://` always upgrades with STARTTLS (curl's
// CURLUSESSL_ALL) except to a loopback host (a local relay, the tests), and
// `smtps://` is TLS from the first byte; certificates are always verified
// (BULWARK_SMTP_CA_FILE adds a CA for a private relay; there is no switch to
// turn verification off). The password comes from the environment or a file
// (BULWARK_SMTP_PASSWORD_FILE, e.g. a container secret), never a flag.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/secret.hpp"

namespace bulwark::config {

struct SmtpSettings {
  std::string url;  // smtp://host[:port] or smtps://host[:port]
  std::string user;
  Secret password;
  std::string password_file;  // where the password was read from (shown by show-config)
  std::string ca_file;        // extra CA bundle (PEM) for the relay's certificate
  std::string mail_from;      // the envelope and From address; the org's name is the display name

  bool configured() const { return !url.empty() && !mail_from.empty(); }
  bool implicit_tls() const { return url.starts_with("smtps://"); }
  // The host of `url` is 127.0.0.0/8, ::1 or localhost.
  bool loopback() const;
};

// Reads the BULWARK_SMTP_* and BULWARK_MAIL_FROM variables; returns the
// problems ("NAME: what is wrong").
std::vector<std::string> read_smtp(
    const std::function<std::optional<std::string>(const char*)>& getenv, SmtpSettings& out);
// The URL's host ("" when the URL does not parse).
std::string smtp_host(std::string_view url);
// show-config lines: the password only as set / not set.
std::vector<std::pair<std::string, std::string>> describe_smtp(const SmtpSettings& s);

}  // namespace bulwark::config
