#pragma once
// Dates and times in UTC, the one way the server keeps and shows them: strict parsing
// of what people type, and every text form of an instant the app writes. Built on
// <chrono>'s calendar types, which know the Gregorian calendar (leap years, month
// lengths) so no caller has to.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hs::dates {

// An instant broken into its UTC calendar parts, for pages that name the month or the
// day in words (the names themselves are messages, not here).
struct Civil {
  int year = 1970;
  unsigned month = 1;    // 1 to 12
  unsigned day = 1;      // 1 to 31
  unsigned hour = 0;     // 0 to 23
  unsigned minute = 0;   // 0 to 59
  unsigned second = 0;   // 0 to 59
  unsigned weekday = 4;  // 0 Sunday to 6 Saturday
};
Civil civil(std::int64_t unix_seconds);

// Midnight UTC of a real calendar day in years 1 to 9999; nothing for 2025-02-30,
// month 13 or day 0.
std::optional<std::int64_t> day_start(int year, int month, int day);

// "YYYY-MM-DD", exactly (as <input type="date"> sends it): midnight UTC of that day.
std::optional<std::int64_t> parse_day(std::string_view s);
// A GOV.UK date input's three fields as typed: spaces around them are dropped, day and
// month are one or two digits ("7" or "07"), the year is four.
std::optional<std::int64_t> parse_day(std::string_view day, std::string_view month, std::string_view year);
// "HH:MM", exactly, 00:00 to 23:59: seconds after midnight.
std::optional<std::int64_t> parse_clock(std::string_view s);

enum class Style {
  day,      // 2026-12-02
  minute,   // 2026-12-02T10:33 (what <input type="datetime-local"> shows)
  rfc3339,  // 2026-12-02T10:33:53Z (ISO 8601: Atom, JSON, <time datetime>)
  log,      // 2026-12-02 10:33:53 UTC (audit log and its verifier)
  email,    // Wed, 02 Dec 2026 10:33:53 +0000 (RFC 5322 Date header)
  clock,    // 10:33
};
std::string format(std::int64_t unix_seconds, Style style);

}  // namespace hs::dates
