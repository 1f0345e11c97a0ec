#pragma once
// Whole numbers from text people or URLs send: digits only, nothing around them; and
// numbers the server writes into SVG, CSS and labels.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hs::number {

// 0 or more, at most 18 digits (so it always fits); nothing otherwise.
std::optional<std::int64_t> whole(std::string_view s);
// 1 or more: a row id in a path such as /events/{id}.
std::optional<std::int64_t> id(std::string_view s);

// At most `places` decimals and no trailing zeros: 12.5, 3, 0.25 ("-0" comes out as
// "0"). Always a '.' whatever the locale, as SVG and CSS need.
std::string decimal(double v, int places = 2);

}  // namespace hs::number
