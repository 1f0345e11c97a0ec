#include "modules/actions/rules/csv.hpp"

#include <string_view>

namespace hs::actions {

std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  bool first = true;
  for (const auto& cell : cells) {
    if (!first) out += ',';
    first = false;
    out += '"';
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) out += '\'';
    for (char ch : cell) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

}  // namespace hs::actions
