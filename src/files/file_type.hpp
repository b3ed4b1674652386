#pragma once
// What an uploaded file is, from its bytes (libmagic), never from its name or
// the Content-Type the client sent (MUST-007). Only the kinds below are
// accepted; anything else is refused with 415 unsupported_type.
#include <optional>
#include <string_view>

namespace bulwark::files {

enum class FileKind { jpeg, png, webp, heic, pdf };

// The kind of the content, or nullopt for anything not accepted.
std::optional<FileKind> detect_kind(std::string_view bytes);

// The MIME type a kind is stored and served as.
std::string_view mime_of(FileKind kind);
bool is_image(FileKind kind);

}  // namespace bulwark::files
