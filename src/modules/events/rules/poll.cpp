#include "modules/events/rules/poll.hpp"

#include <algorithm>
#include <set>


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
  for (auto& c : t.counts) c.percent = people > 0 ? static_cast<int>(c.votes * 100 / people) : 0;
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
