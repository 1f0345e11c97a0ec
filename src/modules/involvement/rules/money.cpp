#include "modules/involvement/rules/money.hpp"

#include <cstdlib>

namespace hs::involvement {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

std::string with_commas(std::int64_t whole) {
  std::string digits = std::to_string(whole), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string two_digits(std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::optional<Pence> parse_pounds(std::string_view typed) {
  auto s = trim(typed);
  if (s.starts_with("\xC2\xA3")) s.remove_prefix(2);  // £ in UTF-8
  s = trim(s);
  auto dot = s.find('.');
  auto whole = s.substr(0, dot);
  auto frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && (frac.empty() || frac.size() > 2))) return std::nullopt;
  // Commas only as thousands separators: 1,234,567 (the first group one to three
  // digits, every later group three).
  std::int64_t pounds = 0;
  std::size_t group = 0;
  bool first_group = true;
  for (std::size_t i = 0; i <= whole.size(); ++i) {
    if (i == whole.size() || whole[i] == ',') {
      if (group == 0 || (first_group ? group > 3 && whole.find(',') != std::string_view::npos : group != 3))
        return std::nullopt;
      first_group = false;
      group = 0;
      continue;
    }
    if (!digit(whole[i])) return std::nullopt;
    ++group;
    pounds = pounds * 10 + (whole[i] - '0');
    if (pounds > kMaxPence) return std::nullopt;
  }
  for (char c : frac)
    if (!digit(c)) return std::nullopt;
  Pence p = pounds * 100;
  if (frac.size() == 1) p += (frac[0] - '0') * 10;
  if (frac.size() == 2) p += (frac[0] - '0') * 10 + (frac[1] - '0');
  if (p > kMaxPence) return std::nullopt;
  return p;
}

std::string format_pounds(Pence p) {
  const bool negative = p < 0;
  const auto a = negative ? -p : p;
  return std::string(negative ? "\xE2\x88\x92" : "") + "\xC2\xA3" + with_commas(a / 100) + "." + two_digits(a % 100);
}

std::string plain_pounds(Pence p) {
  const bool negative = p < 0;
  const auto a = negative ? -p : p;
  return std::string(negative ? "-" : "") + std::to_string(a / 100) + "." + two_digits(a % 100);
}

}  // namespace hs::involvement
