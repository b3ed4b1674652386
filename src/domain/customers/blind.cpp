#include "domain/customers/blind.hpp"

#include <algorithm>

namespace bulwark::domain::customers {

namespace {

using store::OrgSql;

constexpr std::size_t kExactBytes = 8;  // 16 hex: false positives ~ n / 2^64
constexpr std::size_t kNameBytes = 4;   // 8 hex: many names share a token (see key-management.md)
constexpr std::size_t kMinPrefix = 3;   // characters, not bytes

constexpr OrgSql kEraseTokens(
    "DELETE FROM customer_name_tokens WHERE org_id = $1 AND customer_id = $2");
constexpr OrgSql kAddToken(
    "INSERT INTO customer_name_tokens (org_id, customer_id, token) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING");

bool separator(unsigned char c) {
  return c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string normalised_email(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

namespace {

std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return !continuation(static_cast<unsigned char>(c)); }));
}

}  // namespace

std::string phone_bidx(store::OrgTx& tx, std::string_view e164) {
  return tx.blind("phone", e164, kExactBytes);
}

std::optional<std::string> phone_bidx_or_null(store::OrgTx& tx,
                                              const std::optional<std::string>& e164) {
  if (!e164 || e164->empty()) return std::nullopt;
  return phone_bidx(tx, std::string_view(*e164));
}

std::string email_bidx(store::OrgTx& tx, std::string_view email) {
  return tx.blind("email", normalised_email(email), kExactBytes);
}

std::optional<std::string> email_bidx_or_null(store::OrgTx& tx,
                                              const std::optional<std::string>& email) {
  if (!email || email->empty()) return std::nullopt;
  return email_bidx(tx, std::string_view(*email));
}

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (separator(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : ch;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::vector<std::string> name_terms(std::string_view name) {
  std::vector<std::string> terms;
  for (const auto& word : name_words(name)) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (continuation(static_cast<unsigned char>(word[i]))) continue;
      if (chars >= kMinPrefix) terms.push_back(word.substr(0, i));
      ++chars;
    }
    terms.push_back(word);
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

std::string name_token(store::OrgTx& tx, std::string_view term) {
  return tx.blind("name", term, kNameBytes);
}

void write_name_tokens(store::OrgTx& tx, std::int64_t customer, std::string_view name) {
  erase_name_tokens(tx, customer);
  for (const auto& term : name_terms(name)) tx.run(kAddToken, customer, name_token(tx, term));
}

void erase_name_tokens(store::OrgTx& tx, std::int64_t customer) { tx.run(kEraseTokens, customer); }

bool name_matches(std::string_view name, const std::vector<std::string>& query_words) {
  const auto words = name_words(name);
  return std::all_of(query_words.begin(), query_words.end(), [&](const std::string& q) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return w == q || (characters(q) >= kMinPrefix && w.starts_with(q));
    });
  });
}

}  // namespace bulwark::domain::customers
