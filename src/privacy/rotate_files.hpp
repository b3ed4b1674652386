#pragma once
// Re-sealing one organization's attachment files and thumbnails, and the
// photos of its work requests, under its newest data key (issue 13 item 3; the rows' names and
// captions go through privacy/rotate_data.cpp). A file is one envelope; re-sealing writes it again
// under a new blob key, then points the row at it only while the row still names the old one (an
// attachment deleted or changed meanwhile wins: the new copy is removed), and removes the old blob.
// Resumable: a file already under the target key is left alone.
#include <cstdint>
#include <functional>
#include <string>

#include "privacy/rotate_data.hpp"
#include "store/database.hpp"

namespace bulwark::privacy {

// Attachments and request photos of `org` whose file is sealed.
std::int64_t count_sealed_files(store::Database& db, std::int64_t org);

// One pass over `org`'s sealed files; `progress(files read so far)` after every page.
RotationPass reseal_files_pass(store::Database& db, const std::string& data_dir, std::int64_t org,
                               std::uint32_t target,
                               const std::function<void(std::int64_t)>& progress);

}  // namespace bulwark::privacy
