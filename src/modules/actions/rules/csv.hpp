#pragma once
// One CSV line (RFC 4180): every cell quoted, quotes doubled, and a cell that a
// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) prefixed with
// an apostrophe so it is shown as text. Pure.
#include <string>
#include <vector>

namespace hs::actions {

std::string csv_line(const std::vector<std::string>& cells);

}  // namespace hs::actions
