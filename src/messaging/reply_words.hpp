#pragma once
// The words of a customer's SMS reply as a keyword matcher should see them:
// Unicode NFKC (full-width "ＳＴＯＰ" is "STOP", ligatures and circled letters
// fold too), case folded, default-ignorable characters such as zero-width
// spaces removed, then split on anything that is not a letter, a digit or a
// combining mark ("STOP!!!", "opt-out" and "stop, please" split as expected).
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::messaging {

// Words in order, lower case. Input that is not valid UTF-8 is read as
// ASCII: its bytes outside ASCII separate words.
std::vector<std::string> reply_words(std::string_view body);

}  // namespace bulwark::messaging
