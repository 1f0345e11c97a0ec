#pragma once
// Polls: which choices a ballot may hold, the tally, and the bar chart as SVG. Pure.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace hs::events {

struct PollOption {
  std::int64_t id = 0;
  std::string label;
};
// Single choice takes exactly one known option; multiple choice one or more, no repeats.
Result<std::vector<std::int64_t>> check_choice(bool multiple, const std::vector<PollOption>& options,
                                               const std::vector<std::int64_t>& chosen);

struct PollCount {
  std::int64_t option_id = 0;
  std::string label;
  std::int64_t votes = 0;
  int percent = 0;  // of the people who answered, rounded (rules/percentages.hpp)
};
struct PollTally {
  std::vector<PollCount> counts;  // in the options' order
  std::int64_t people = 0;        // who answered
};
// votes: one (option_id) per chosen option; people: distinct participants who answered.
PollTally tally(const std::vector<PollOption>& options, const std::vector<std::int64_t>& votes, std::int64_t people);

// Geometry of a horizontal bar chart (the template draws it as SVG, escaping the text):
// a row per option, the longest bar full width.
struct ChartBar {
  std::string label;
  std::int64_t votes = 0;
  int label_y = 0, bar_y = 0, bar_width = 0, value_x = 0, value_y = 0;
};
struct ChartLayout {
  int width = 600, height = 0, bar_height = 22;
  std::vector<ChartBar> bars;
};
ChartLayout chart_layout(const PollTally& t);

}  // namespace hs::events
