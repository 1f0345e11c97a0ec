#include "core/dates.hpp"

#include <gtest/gtest.h>

#include <array>

namespace hs::dates {

constexpr std::int64_t kDay = 86400;

TEST(Dates, ParsesRealDaysOnly) {
  EXPECT_EQ(parse_day("1970-01-01"), 0);
  EXPECT_EQ(parse_day("2026-12-02"), 1796169600);
  EXPECT_EQ(parse_day("2024-02-29"), 1709164800);  // leap year
  EXPECT_EQ(parse_day("2000-02-29"), 951782400);   // divisible by 400: leap
  EXPECT_FALSE(parse_day("1900-02-29"));           // divisible by 100: not leap
  EXPECT_FALSE(parse_day("2025-02-29"));
  EXPECT_FALSE(parse_day("2025-02-30"));
  EXPECT_FALSE(parse_day("2025-04-31"));
  EXPECT_EQ(parse_day("2025-12-31"), *parse_day("2026-01-01") - kDay);
  EXPECT_FALSE(parse_day("2025-13-01"));
  EXPECT_FALSE(parse_day("2025-00-10"));
  EXPECT_FALSE(parse_day("2025-01-00"));
  EXPECT_FALSE(parse_day("0000-01-01"));
}

TEST(Dates, ParsesOnlyTheExactShape) {
  for (const char* bad : {"", "2025-1-01", "2025-01-1", "2025/01/01", "2025-01-01 ", " 2025-01-01", "+025-01-01",
                          "2025-+1-01", "20250-1-01", "2025-01-01T00:00"})
    EXPECT_FALSE(parse_day(bad)) << bad;
}

TEST(Dates, ParsesTheThreeFieldsOfADateInput) {
  EXPECT_EQ(parse_day("29", "2", "2024"), parse_day("2024-02-29"));
  EXPECT_EQ(parse_day(" 07 ", "03", " 2031"), parse_day("2031-03-07"));
  for (auto [d, m, y] : {std::array{"29", "2", "2023"},
                         {"31", "4", "2031"},
                         {"1", "13", "2031"},
                         {"0", "1", "2031"},
                         {"1", "1", "10000"},
                         {"1", "1", "31"},
                         {"-1", "1", "2031"},
                         {"+1", "1", "2031"},
                         {"001", "1", "2031"},
                         {"one", "1", "2031"},
                         {"", "1", "2031"},
                         {"1 5", "1", "2031"}})
    EXPECT_FALSE(parse_day(d, m, y)) << d << "/" << m << "/" << y;
}

TEST(Dates, ParsesClockTimes) {
  EXPECT_EQ(parse_clock("00:00"), 0);
  EXPECT_EQ(parse_clock("09:05"), 9 * 3600 + 5 * 60);
  EXPECT_EQ(parse_clock("23:59"), 23 * 3600 + 59 * 60);
  for (const char* bad : {"24:00", "12:60", "9:05", "09:5", "09.05", "09:05:00", "-1:05", ""})
    EXPECT_FALSE(parse_clock(bad)) << bad;
}

TEST(Dates, DayStartChecksTheCalendar) {
  EXPECT_EQ(day_start(2024, 2, 29), 1709164800);
  EXPECT_FALSE(day_start(2023, 2, 29));
  EXPECT_FALSE(day_start(2023, 6, 31));
  EXPECT_FALSE(day_start(2023, 0, 1));
  EXPECT_FALSE(day_start(2023, 1, 32));
  EXPECT_FALSE(day_start(100000, 1, 1));
  EXPECT_EQ(day_start(9999, 12, 31), 253402214400);
}

TEST(Dates, BreaksAnInstantIntoUtcParts) {
  auto c = civil(1796215433);  // Wednesday 2 December 2026, 12:43:53 UTC
  EXPECT_EQ(c.year, 2026);
  EXPECT_EQ(c.month, 12u);
  EXPECT_EQ(c.day, 2u);
  EXPECT_EQ(c.hour, 12u);
  EXPECT_EQ(c.minute, 43u);
  EXPECT_EQ(c.second, 53u);
  EXPECT_EQ(c.weekday, 3u);
  auto before = civil(-1);  // the second before the epoch
  EXPECT_EQ(before.year, 1969);
  EXPECT_EQ(before.month, 12u);
  EXPECT_EQ(before.day, 31u);
  EXPECT_EQ(before.hour, 23u);
  EXPECT_EQ(before.second, 59u);
}

TEST(Dates, FormatsEachStyle) {
  const std::int64_t t = 1709216645;  // 29 February 2024, 14:24:05 UTC, a Thursday
  EXPECT_EQ(format(t, Style::day), "2024-02-29");
  EXPECT_EQ(format(t, Style::minute), "2024-02-29T14:24");
  EXPECT_EQ(format(t, Style::rfc3339), "2024-02-29T14:24:05Z");
  EXPECT_EQ(format(t, Style::log), "2024-02-29 14:24:05 UTC");
  EXPECT_EQ(format(t, Style::email), "Thu, 29 Feb 2024 14:24:05 +0000");
  EXPECT_EQ(format(t, Style::clock), "14:24");
  EXPECT_EQ(format(0, Style::email), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(format(*parse_day("2025-03-01") - 1, Style::rfc3339), "2025-02-28T23:59:59Z");
}

TEST(Dates, ParsingAndFormattingAgree) {
  for (const char* d : {"1970-01-01", "1999-12-31", "2000-02-29", "2024-02-29", "2100-03-01", "9999-12-31"})
    EXPECT_EQ(format(*parse_day(d), Style::day), d);
}

}  // namespace hs::dates
