#pragma once
// Every check an upload passes before anything is stored (MUST-007), in
// order: the size limit, the malware scan (clamd; fail closed), the type
// from the content (libmagic; the name and the client's type are not
// trusted), and for images a decode and re-encode (libvips: metadata and
// polyglot payloads gone, over 40 megapixels refused from the header). No
// database here: the service stores what comes out.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/attachments/model.hpp"
#include "files/clamd_client.hpp"

namespace bulwark::domain::attachments {

struct Upload {
  std::optional<std::string> filename;  // as sent: sanitised for display, never trusted
  std::string_view bytes;
  std::string caption;
};

struct Limits {
  std::size_t max_bytes = 0;
  files::ClamdTarget clamd;
};

// The refusal, with the signature's name when it is malware (for the audit
// entry the caller writes).
struct Refused {
  ApiError error;
  std::optional<std::string> malware;
};

Expected<Checked, Refused> inspect(const Upload& upload, const Limits& limits);

// A file name fit to show: its last path segment, control and
// quote characters replaced, at most 200 bytes of valid UTF-8.
std::string display_name(std::string_view name);

}  // namespace bulwark::domain::attachments
