#include "modules/decisions/rules/dot_vote.hpp"

#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/ranking.hpp"

namespace hs::decisions {

Result<void> validate_dots(const DotBallot& ballot, std::size_t option_count, int dots_per_person) {
  if (ballot.dots.size() != option_count) return field_error("dots", keys::kDotsCount);
  for (auto d : ballot.dots)
    if (d < 0) return field_error("dots", keys::kDotsNegative);
  std::int64_t total = 0;
  for (auto d : ballot.dots) {
    // Checked one at a time so the total cannot overflow.
    if (d > dots_per_person || total + d > dots_per_person) return field_error("dots", keys::kDotsOver);
    total += d;
  }
  if (total == 0) return field_error("dots", keys::kDotsNone);
  return {};
}

DotResult count_dots(std::span<const DotBallot> ballots, std::size_t option_count, int dots_per_person,
                     const Electorate& electorate) {
  DotResult r;
  r.ballots = static_cast<std::int64_t>(ballots.size());
  r.options.assign(option_count, DotLine{});
  for (const auto& b : ballots) {
    if (!validate_dots(b, option_count, dots_per_person)) continue;
    for (std::size_t o = 0; o < option_count; ++o) {
      r.options[o].dots += b.dots[o];
      r.dots_placed += b.dots[o];
    }
  }
  r.top = finish_ranking(
      r, r.options,
      [](const DotLine& l) {
        return RankKey{l.dots, 0};
      },
      r.dots_placed > 0, electorate);
  return r;
}

}  // namespace hs::decisions
