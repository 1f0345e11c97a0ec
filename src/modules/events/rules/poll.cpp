#include "modules/events/rules/poll.hpp"

#include <algorithm>
#include <set>

#include "modules/events/rules/percentages.hpp"

namespace hs::events {

Result<std::vector<std::int64_t>> check_choice(bool multiple, const std::vector<PollOption>& options,
                                               const std::vector<std::int64_t>& chosen) {
  std::set<std::int64_t> known, seen;
  for (const auto& o : options) known.insert(o.id);
  std::vector<std::int64_t> out;
  for (auto id : chosen) {
    if (!known.contains(id)) return fail(ErrorCode::invalid, "events_choice_unknown");
    if (seen.insert(id).second) out.push_back(id);
  }
  if (out.empty()) return fail(ErrorCode::invalid, "events_choice_missing");
  if (!multiple && out.size() != 1) return fail(ErrorCode::invalid, "events_choice_one");
  return out;
}

PollTally tally(const std::vector<PollOption>& options, const std::vector<std::int64_t>& votes, std::int64_t people) {
  PollTally t;
  t.people = people;
  for (const auto& o : options) t.counts.push_back({o.id, o.label, 0, 0});
  for (auto v : votes)
    for (auto& c : t.counts)
      if (c.option_id == v) ++c.votes;
  // One choice each (the votes are the people): shares of one whole that add up to 100.
  // Otherwise each option is its own share of the people who answered, rounded.
  std::int64_t ticks = 0;
  std::vector<std::int64_t> votes_of;
  for (const auto& c : t.counts) ticks += c.votes, votes_of.push_back(c.votes);
  if (ticks == people) {
    auto p = largest_remainder_percents(votes_of);
    for (std::size_t i = 0; i < t.counts.size(); ++i) t.counts[i].percent = p[i];
  } else {
    for (auto& c : t.counts) c.percent = nearest_percent(c.votes, people);
  }
  return t;
}

ChartLayout chart_layout(const PollTally& t) {
  constexpr int kRow = 56, kBarTop = 24, kValueRoom = 80;
  ChartLayout l;
  l.height = std::max<int>(1, static_cast<int>(t.counts.size())) * kRow;
  std::int64_t most = 1;
  for (const auto& c : t.counts) most = std::max(most, c.votes);
  int y = 0;
  for (const auto& c : t.counts) {
    ChartBar b;
    b.label = c.label;
    b.votes = c.votes;
    b.label_y = y + 16;
    b.bar_y = y + kBarTop;
    b.bar_width = std::max(2, static_cast<int>(c.votes * (l.width - kValueRoom) / most));
    b.value_x = b.bar_width + 8;
    b.value_y = y + kBarTop + 17;
    l.bars.push_back(std::move(b));
    y += kRow;
  }
  return l;
}

}  // namespace hs::events
