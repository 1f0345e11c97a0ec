#include "core/dates.hpp"

#include <fmt/format.h>

#include <chrono>

#include "core/text.hpp"

namespace hs::dates {

namespace chr = std::chrono;

namespace {

// A run of n ASCII digits, or of min to n (from_chars would also take a sign).
std::optional<int> digits(std::string_view s, std::size_t n, std::size_t min = 0) {
  if (s.size() > n || s.size() < (min ? min : n)) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

Civil civil(std::int64_t unix_seconds) {
  const chr::sys_seconds t{chr::seconds{unix_seconds}};
  const auto day = chr::floor<chr::days>(t);
  const chr::year_month_day ymd{day};
  const chr::hh_mm_ss hms{t - day};
  return Civil{static_cast<int>(ymd.year()),
               static_cast<unsigned>(ymd.month()),
               static_cast<unsigned>(ymd.day()),
               static_cast<unsigned>(hms.hours().count()),
               static_cast<unsigned>(hms.minutes().count()),
               static_cast<unsigned>(hms.seconds().count()),
               chr::weekday{day}.c_encoding()};
}

std::optional<std::int64_t> day_start(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                chr::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return chr::sys_seconds{chr::sys_days{ymd}}.time_since_epoch().count();
}

std::optional<std::int64_t> parse_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = digits(s.substr(0, 4), 4), m = digits(s.substr(5, 2), 2), d = digits(s.substr(8, 2), 2);
  if (!y || !m || !d) return std::nullopt;
  return day_start(*y, *m, *d);
}

std::optional<std::int64_t> parse_day(std::string_view day, std::string_view month, std::string_view year) {
  auto d = digits(text::trim(day), 2, 1), m = digits(text::trim(month), 2, 1), y = digits(text::trim(year), 4);
  if (!d || !m || !y) return std::nullopt;
  return day_start(*y, *m, *d);
}

std::optional<std::int64_t> parse_clock(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  auto h = digits(s.substr(0, 2), 2), m = digits(s.substr(3, 2), 2);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return chr::seconds{chr::hours{*h} + chr::minutes{*m}}.count();
}

std::string format(std::int64_t unix_seconds, Style style) {
  // RFC 5322 names days and months in English whatever the reader's language.
  static constexpr std::string_view kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto c = civil(unix_seconds);
  switch (style) {
    case Style::day: return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
    case Style::minute: return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", c.year, c.month, c.day, c.hour, c.minute);
    case Style::rfc3339:
      return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hour, c.minute, c.second);
    case Style::log:
      return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC", c.year, c.month, c.day, c.hour, c.minute, c.second);
    case Style::email:
      return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000", kWeekdays[c.weekday], c.day,
                         kMonths[c.month - 1], c.year, c.hour, c.minute, c.second);
    case Style::clock: return fmt::format("{:02}:{:02}", c.hour, c.minute);
  }
  return {};
}

}  // namespace hs::dates
