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

std::string decimal(double v, int places) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, places);
  if (ec != std::errc{}) return "0";  // beyond 1e60: nothing we draw
  std::string s(buf, end);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

}  // namespace hs::number
