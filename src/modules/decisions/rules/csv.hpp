#pragma once
// CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends, quoted when needed),
// made safe to open: a cell that would start with = + - @ (or tab / carriage return,
// which some spreadsheets skip before a formula) – also after leading spaces – is
// prefixed with an apostrophe, so option names typed by members are never run as
// formulas on a facilitator's computer.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hs::decisions {

// One cell: neutralised against formulas, then quoted (with " doubled) when it holds a
// comma, quote, CR or LF.
std::string csv_cell(std::string_view value);

struct CsvTable {
  std::vector<std::string> columns;  // column names, e.g. "votes"
  std::vector<std::vector<std::string>> rows;
};

// The heading a person reads for a column; callers pass one that looks up
// keys::kCsvPrefix + column in the messages. Without one the column names are used.
using CsvHeading = std::function<std::string(std::string_view column)>;

std::string to_csv(const CsvTable& table, const CsvHeading& heading = {});

}  // namespace hs::decisions
