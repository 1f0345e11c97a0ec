#include "modules/actions/rules/csv.hpp"

#include "core/csv.hpp"

namespace hs::actions {

// The actions CSV has quoted every cell since it landed; its shape stays.
std::string csv_line(const std::vector<std::string>& cells) { return csv::line(cells, csv::Quote::always); }

}  // namespace hs::actions
