#pragma once
// One CSV line (core/csv.hpp): every cell quoted, quotes doubled, and a cell that a
// spreadsheet would run as a formula prefixed with an apostrophe so it is shown as text.
#include <string>
#include <vector>

namespace hs::actions {

std::string csv_line(const std::vector<std::string>& cells);

}  // namespace hs::actions
