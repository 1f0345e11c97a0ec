#pragma once
// CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends), made safe to open: a
// cell that would start with = + - @ (or tab / carriage return, which some spreadsheets
// skip before a formula), also after leading spaces, is prefixed with an apostrophe, so
// what people typed is never run as a formula on the computer of whoever opens the file.
// The one writer of CSV: decisions' results, actions, and payment batches use it.
#include <string>
#include <string_view>
#include <vector>

namespace hs::csv {

enum class Quote {
  needed,  // only cells holding a comma, quote, CR or LF
  always,  // every cell (an export whose shape has always quoted every cell)
};

// One cell: neutralised against formulas, then quoted (with " doubled) as asked.
std::string cell(std::string_view value, Quote quote = Quote::needed);
// One line of cells, ending in CRLF.
std::string line(const std::vector<std::string>& cells, Quote quote = Quote::needed);

}  // namespace hs::csv
