#pragma once
// The UK tax year (6 April to 5 April), which people declare benefits and income by:
// each person sees what they were paid in each one, and can download it as a statement.
// Pure.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/involvement/rules/money.hpp"

namespace hs::involvement {

// The year a tax year starts in: 2026-04-05 is in 2025 (2025 to 2026), 2026-04-06 in
// 2026. Nothing when `day` is not YYYY-MM-DD.
std::optional<int> tax_year_of(std::string_view day);

struct Payment {
  std::string day;  // YYYY-MM-DD: when it was paid
  Pence pence = 0;
};

// Each tax year's total, exact to the penny; days that cannot be read are left out.
std::map<int, Pence> totals_by_tax_year(const std::vector<Payment>& paid);

}  // namespace hs::involvement
