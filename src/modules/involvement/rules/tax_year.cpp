#include "modules/involvement/rules/tax_year.hpp"

#include "core/dates.hpp"

namespace hs::involvement {

std::optional<int> tax_year_of(std::string_view day) {
  auto start = dates::parse_day(day);
  if (!start) return std::nullopt;
  const auto c = dates::civil(*start);
  const bool before_6_april = c.month < 4 || (c.month == 4 && c.day < 6);
  return before_6_april ? c.year - 1 : c.year;
}

std::map<int, Pence> totals_by_tax_year(const std::vector<Payment>& paid) {
  std::map<int, Pence> out;
  for (const auto& p : paid)
    if (auto y = tax_year_of(p.day)) out[*y] += p.pence;
  return out;
}

}  // namespace hs::involvement
