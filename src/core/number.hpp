#pragma once
// Whole numbers from text people or URLs send: digits only, nothing around them.
#include <cstdint>
#include <optional>
#include <string_view>

namespace hs::number {

// 0 or more, at most 18 digits (so it always fits); nothing otherwise.
std::optional<std::int64_t> whole(std::string_view s);
// 1 or more: a row id in a path such as /events/{id}.
std::optional<std::int64_t> id(std::string_view s);

}  // namespace hs::number
