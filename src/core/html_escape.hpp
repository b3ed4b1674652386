#pragma once
// Text placed into HTML (email bodies): the five characters that could end
// an element or an attribute value become entities. One definition, shared
// by every HTML mail the server writes.
#include <string>
#include <string_view>

namespace bulwark::core {

std::string html_escape(std::string_view text);

}  // namespace bulwark::core
