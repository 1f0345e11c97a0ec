#include "modules/decisions/rules/csv.hpp"

#include "core/csv.hpp"

namespace hs::decisions {

std::string csv_cell(std::string_view value) { return csv::cell(value); }

std::string to_csv(const CsvTable& table, const CsvHeading& heading) {
  std::string out;
  std::vector<std::string> head;
  for (const auto& c : table.columns) head.push_back(heading ? heading(c) : c);
  out += csv::line(head);
  for (const auto& row : table.rows) out += csv::line(row);
  return out;
}

}  // namespace hs::decisions
