#include "core/csv.hpp"

namespace hs::csv {

namespace {

bool starts_formula(std::string_view v) {
  auto first = v.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  return std::string_view("=+-@\t\r").find(v[first]) != std::string_view::npos;
}

}  // namespace

std::string cell(std::string_view value, Quote quote) {
  std::string v;
  if (starts_formula(value)) v += '\'';
  v += value;
  if (quote == Quote::needed && v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string line(const std::vector<std::string>& cells, Quote quote) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += cell(cells[i], quote);
  }
  out += "\r\n";
  return out;
}

}  // namespace hs::csv
