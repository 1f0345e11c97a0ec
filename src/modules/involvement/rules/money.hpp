#pragma once
// Money as whole pence, so every total is exact: what people type ("12.50", "£12.50",
// "1,234.5", "12") read strictly, and the one way it is shown ("£12.50"). Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hs::involvement {

using Pence = std::int64_t;

// The most one rate, expense or claim line may be: £100,000.00.
inline constexpr Pence kMaxPence = 10'000'000;

// Pounds as typed: an optional "£", digits with optional thousands commas in the right
// places, and at most two decimals; spaces around it are dropped. 0 to kMaxPence. Nothing
// for anything else (a minus sign, "12.345", "1,23", "£", "abc").
std::optional<Pence> parse_pounds(std::string_view typed);

// "£12.50", "£0.05", "£1,234.00"; a negative amount "−£3.00" (only totals can be).
std::string format_pounds(Pence p);

// The same without the sign or commas, for CSV and finance systems: "1234.00".
std::string plain_pounds(Pence p);

}  // namespace hs::involvement
