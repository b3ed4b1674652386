#include "domain/api_clients/model.hpp"

#include <algorithm>

namespace bulwark::domain::api_clients {

bool read_word_list(const boost::json::value& v, std::vector<std::string>& out, std::size_t max,
                    std::string& problem) {
  if (!v.is_array()) {
    problem = "must be an array of strings";
    return false;
  }
  const auto& array = v.as_array();
  if (array.size() > max) {
    problem = "may hold at most " + std::to_string(max) + " entries";
    return false;
  }
  for (const auto& item : array) {
    // Words only: a space would split into two scopes in the row.
    if (!item.is_string() || item.as_string().empty() || item.as_string().size() > 64 ||
        std::ranges::any_of(item.as_string(), [](char c) { return c <= ' ' || c == 0x7f; })) {
      problem = "must hold words of 1 to 64 characters without spaces";
      return false;
    }
    std::string word(item.as_string());
    if (std::ranges::find(out, word) == out.end()) out.push_back(std::move(word));
  }
  return true;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto space = text.find(' ');
    const auto word = text.substr(0, space);
    if (!word.empty()) out.emplace_back(word);
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return out;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace bulwark::domain::api_clients
