#include "domain/attachments/inspect.hpp"

#include "core/utf8.hpp"
#include "files/file_type.hpp"
#include "files/image.hpp"

namespace bulwark::domain::attachments {

namespace {

Refused refuse(ErrorCode code, const std::string& message, std::string reason) {
  return {ApiError(code, message, std::move(reason)), std::nullopt};
}

}  // namespace

std::string display_name(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 32 || u == 127 || c == '"' || c == '\\') ? '_' : c;
  }
  if (out.size() > 200) out.resize(200);
  // A cut may split a character: drop the broken tail.
  while (!out.empty() && !is_valid_utf8(out)) out.pop_back();
  return out;
}

Expected<Checked, Refused> inspect(const Upload& upload, const Limits& limits) {
  if (upload.bytes.size() > limits.max_bytes)
    return unexpected(
        refuse(ErrorCode::payload_too_large,
               "the file is larger than " + std::to_string(limits.max_bytes) + " bytes",
               "file_too_large"));
  if (upload.bytes.empty())
    return unexpected(refuse(ErrorCode::bad_request, "the file is empty", "empty_file"));
  // The scan first: nothing else parses a file clamd has not seen.
  const auto scan = files::scan(limits.clamd, upload.bytes);
  if (scan.verdict == files::Verdict::infected)
    return unexpected(
        Refused{ApiError(ErrorCode::unprocessable, "the file was refused by the malware scanner",
                         "malware_detected"),
                scan.signature});
  if (scan.verdict != files::Verdict::clean)
    return unexpected(refuse(ErrorCode::service_unavailable,
                             "the malware scanner is not available; try again later",
                             "scanner_unavailable"));
  const auto kind = files::detect_kind(upload.bytes);
  if (!kind)
    return unexpected(refuse(ErrorCode::unsupported_media_type,
                             "only JPEG, PNG, WebP, HEIC images and PDF files are accepted",
                             "unsupported_type"));
  Checked out;
  out.original_name = display_name(upload.filename.value_or(""));
  out.caption = upload.caption;
  if (!files::is_image(*kind)) {
    out.mime = std::string(files::mime_of(*kind));
    out.data = std::string(upload.bytes);
    return out;
  }
  auto image = files::reencode_image(upload.bytes, *kind);
  if (!image) {
    if (image.error() == "image_too_large")
      return unexpected(refuse(ErrorCode::unprocessable, "the image has more than 40 megapixels",
                               "image_too_large"));
    return unexpected(refuse(ErrorCode::unsupported_media_type, "the image could not be decoded",
                             "unsupported_type"));
  }
  out.mime = std::move(image->mime);
  out.data = std::move(image->data);
  out.thumbnail = std::move(image->thumbnail);
  return out;
}

}  // namespace bulwark::domain::attachments
