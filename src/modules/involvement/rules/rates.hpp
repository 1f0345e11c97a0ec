#pragma once
// A space's rate card: what each kind of involvement pays, from which day. A rate never
// changes; a new one starts on a later day. A claim always uses the rate in force on the
// day of the involvement, so a rise (NIHR raised its rates by 10 % from 16 December 2025)
// never rewrites an old claim. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/involvement/rules/money.hpp"

namespace hs::involvement {

enum class Unit { hourly, fixed };  // per hour of time, or once for the whole piece of work

std::optional<Unit> parse_unit(std::string_view s);
std::string_view unit_name(Unit u);

struct Rate {
  std::string kind;  // e.g. "meeting", "event", "document_review", "piece_of_work"
  Unit unit = Unit::hourly;
  Pence pence = 0;       // per hour, or for the whole piece
  std::string from_day;  // YYYY-MM-DD: the first day it applies
};

// A new rate as a steward typed it: the kind named, the amount read by parse_pounds, the
// day a real one, and no second rate for the same kind from the same day.
Result<Rate> check_rate(const std::vector<Rate>& card, std::string kind, std::string_view unit, std::string_view pounds,
                        std::string_view from_day);

// The rate of `kind` in force on `day` (YYYY-MM-DD): the one with the latest from_day
// on or before it. Nothing when the kind had no rate yet on that day.
std::optional<Rate> rate_on(const std::vector<Rate>& card, std::string_view kind, std::string_view day);

// What the time is paid: an hourly rate for `minutes` (rounded to the nearest penny, a
// half penny up), or a fixed rate whatever the time.
Pence fee(const Rate& r, std::int64_t minutes);

}  // namespace hs::involvement
