#include "core/number.hpp"

#include <charconv>

namespace hs::number {

std::optional<std::int64_t> whole(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

std::optional<std::int64_t> id(std::string_view s) {
  auto v = whole(s);
  if (!v || *v == 0) return std::nullopt;
  return v;
}

}  // namespace hs::number
