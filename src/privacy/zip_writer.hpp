#pragma once
// A ZIP archive built in memory through libzip (the one file that includes
// <zip.h>): a customer's export is a few files and their attachments.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bulwark::privacy {

struct ZipEntry {
  std::string name;  // path inside the archive, e.g. "attachments/12-photo.jpg"
  std::string bytes;
};

// The archive's bytes. Throws std::runtime_error when libzip fails.
std::string build_zip(const std::vector<ZipEntry>& entries);

// A file name inside an archive: letters, digits, dot, dash and underscore
// kept, anything else replaced by '_' ("file" when nothing is left).
std::string zip_entry_name(std::string_view name);

}  // namespace bulwark::privacy
