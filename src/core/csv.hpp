#pragma once
// CSV files people open in a spreadsheet (RFC 4180, issue 14 item 9).
// A cell is quoted when it holds a comma, a quote or a line break, quotes
// doubled. A text cell that starts with = + - @, a tab or a carriage return
// would be read by Excel, LibreOffice or Google Sheets as a formula
// ("=HYPERLINK(...)" in a customer's name runs when the office opens the
// file: OWASP "CSV Injection"), so it gets a leading apostrophe, which the
// spreadsheet shows as text. Numbers the server formats itself (amounts,
// counts) are written as they are, so "-12.50" stays a number.
#include <cstdint>
#include <string>
#include <string_view>

namespace bulwark::csv {

// A text cell: formula-guarded, then quoted as needed.
std::string text(std::string_view value);
// Whole cents as a decimal amount: 11875 -> "118.75", -5 -> "-0.05".
std::string amount(std::int64_t cents);
// A whole number.
std::string number(std::int64_t value);

// Builds a file row by row: cells are already made by the functions above.
class Writer {
 public:
  // With a UTF-8 byte order mark: Excel reads the file as UTF-8 only then.
  Writer();
  void row(std::initializer_list<std::string> cells);
  std::string finish() && { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace bulwark::csv
