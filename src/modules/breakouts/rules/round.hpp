#pragma once
// What a facilitator types to set up a breakout round, checked; and a pre-assignment
// uploaded as CSV, read. Pure.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace hs::breakouts {

enum class Mode { balanced, manual, self_select, csv };
std::optional<Mode> parse_mode(std::string_view s);
std::string_view to_string(Mode m);

enum class RoundState { planning, running, ended };
std::optional<RoundState> parse_round_state(std::string_view s);
std::string_view to_string(RoundState s);

struct RoundInput {
  std::string prompts, min_size, max_size, duration, content_note, mode;
  // One pair a line, two names as the event shows them, separated by a comma.
  std::string keep_apart{}, keep_together{};
  std::string groups{};        // a number of groups instead of the sizes (optional)
  std::string attributes{};    // "name, detail, key: value" lines: what to spread evenly
  bool space_history = false;  // also avoid pairs who met at the space's earlier events
  bool auto_end = false;       // ends by itself, a minute after its time is up
  bool equality = false;       // balanced: also spread the equality answers of those who agreed
};
using NamePairs = std::vector<std::pair<std::string, std::string>>;
struct RoundFields {
  std::vector<std::string> prompts;         // 1 to 5 questions, each at most 300 characters
  std::int64_t min_size = 3, max_size = 6;  // 2 to 20, min <= max
  std::int64_t duration_minutes = 20;       // 1 to 180
  std::optional<std::string> content_note;  // at most 500 characters
  Mode mode = Mode::balanced;
  NamePairs keep_apart;                     // never in the same group (safeguarding)
  NamePairs keep_together;                  // always in the same group (a person and their support worker)
  std::optional<std::int64_t> group_count;  // 1 to 500
  std::string attributes;                   // checked with parse_attributes
  bool space_history = false;
  bool equality = false;
  bool auto_end = false;
};
// Field errors: prompts, min_size, max_size, duration, content_note, mode, keep_apart,
// keep_together.
Result<RoundFields> check_round(const RoundInput& in);

// One line of a pre-assignment: who (a nickname or display name as the event shows
// it) and the group number (1, 2, ...). A header line "name,group" is allowed.
struct CsvPlace {
  std::string name;
  std::int64_t group = 0;
  std::size_t line = 0;
};
struct CsvProblem {
  std::size_t line = 0;
  std::string key;  // message key: breakouts_csv_*
};
struct CsvPlan {
  std::vector<CsvPlace> places;
  std::vector<CsvProblem> problems;
};
// RFC 4180 fields (quotes, doubled quotes, commas inside quotes); blank lines skipped;
// at most 5,000 lines.
CsvPlan parse_csv_places(std::string_view text);

// "name, name" lines (quotes allowed, as in CSV); blank lines skipped. Nothing when a
// line is not two different names; at most 500 pairs.
std::optional<NamePairs> parse_pairs(std::string_view text);
// The pairs as lines again, for storing and for the form.
std::string format_pairs(const NamePairs& pairs);

// What the facilitator wants spread evenly, per person: "name, detail, key: value" lines.
// A plain detail ("lived experience") becomes {"lived experience": "yes"}; "key: value"
// becomes {key: value}. Keys are case-folded (ASCII). Nothing when a line has no name or
// no detail; at most 2,000 lines.
struct PersonDetails {
  std::string name;
  std::map<std::string, std::string> attributes;
};
std::optional<std::vector<PersonDetails>> parse_attributes(std::string_view text);

// Minutes and seconds left, never negative.
std::int64_t seconds_left(std::int64_t ends_at, std::int64_t now);
// "4:05": seconds as minutes and seconds, for the countdown.
std::string clock_text(std::int64_t seconds);

// A round that ends by itself ends this long after its time is up: a countdown tells
// everyone, then brings them back to the main event.
constexpr std::int64_t kBringBackSeconds = 60;
// Whether a running round is due to end by itself at `now`.
bool due_to_end(std::optional<std::int64_t> ends_at, bool auto_end, std::int64_t now);

// Names as a facilitator sees them, told apart: the same name again (regardless of case)
// becomes "Ana (2)", "Ana (3)", in the order given. Given in joining order, a person keeps
// their number as others come and go.
std::vector<std::string> told_apart(const std::vector<std::string>& names);

}  // namespace hs::breakouts
