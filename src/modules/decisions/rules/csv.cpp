#include "modules/decisions/rules/csv.hpp"

namespace hs::decisions {

namespace {

bool starts_formula(std::string_view v) {
  auto first = v.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  switch (v[first]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

void append_line(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_cell(cells[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string csv_cell(std::string_view value) {
  std::string v;
  if (starts_formula(value)) v += '\'';
  v += value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string to_csv(const CsvTable& table, const CsvHeading& heading) {
  std::string out;
  std::vector<std::string> head;
  for (const auto& c : table.columns) head.push_back(heading ? heading(c) : c);
  append_line(out, head);
  for (const auto& row : table.rows) append_line(out, row);
  return out;
}

}  // namespace hs::decisions
