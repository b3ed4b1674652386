#pragma once
// Blind indexes of customers' personal fields (issue 13 item 2; the shared
// contract in design.md): exact lookups by phone and email, and the name
// search by whole words and >= 3-character prefixes, without the plain text
// in the database. Tokens are truncated HMACs: several values may share one,
// so every search filters its rows again after opening them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/org_tx.hpp"

namespace bulwark::domain::customers {

// 16 hex of an E.164 number ("+15551234567"), domain "phone".
std::string phone_bidx(store::OrgTx& tx, std::string_view e164);
// NULL for no number (the optional forms).
std::optional<std::string> phone_bidx_or_null(store::OrgTx& tx,
                                              const std::optional<std::string>& e164);
// The trimmed, lower-cased address (what the email index is taken of).
std::string normalised_email(std::string_view email);
// 16 hex of the trimmed, lower-cased address, domain "email".
std::string email_bidx(store::OrgTx& tx, std::string_view email);
std::optional<std::string> email_bidx_or_null(store::OrgTx& tx,
                                              const std::optional<std::string>& email);

// The lower-cased words of a name (ASCII letters folded; other UTF-8 kept).
std::vector<std::string> name_words(std::string_view name);
// Every word and every prefix of >= 3 characters of it, once each.
std::vector<std::string> name_terms(std::string_view name);
// 8 hex per term, domain "name".
std::string name_token(store::OrgTx& tx, std::string_view term);

// Replaces the customer's rows in customer_name_tokens with its name's.
void write_name_tokens(store::OrgTx& tx, std::int64_t customer, std::string_view name);
void erase_name_tokens(store::OrgTx& tx, std::int64_t customer);

// Whether the opened name matches every query word as a word or a prefix
// (the check after opening that drops a token's false positives).
bool name_matches(std::string_view name, const std::vector<std::string>& query_words);

}  // namespace bulwark::domain::customers
