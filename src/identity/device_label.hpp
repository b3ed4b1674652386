#pragma once
// A session's device in plain words ("Chrome on Android") from its
// User-Agent, for the person's session list and the new-device email. Only
// words from a fixed vocabulary (or a product token of letters, digits and
// hyphens) come out, so the raw header, which can carry anything, is never
// stored or mailed.
#include <string>
#include <string_view>

namespace bulwark::identity {

// "" when nothing is recognised.
std::string device_label(std::string_view user_agent);

}  // namespace bulwark::identity
