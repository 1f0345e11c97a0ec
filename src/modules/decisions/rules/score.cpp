#include "modules/decisions/rules/score.hpp"

#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/ranking.hpp"

namespace hs::decisions {

Result<void> validate_score(const ScoreBallot& ballot, std::size_t option_count) {
  if (ballot.scores.size() != option_count) return field_error("scores", keys::kScoreCount);
  for (auto s : ballot.scores)
    if (s < kScoreMin || s > kScoreMax) return field_error("scores", keys::kScoreRange);
  return {};
}

std::string format_mean(std::int64_t sum, std::int64_t count) {
  if (count <= 0 || sum < 0) return "0.00";
  const std::int64_t hundredths = (sum * 200 + count) / (2 * count);  // round half up
  const auto frac = hundredths % 100;
  std::string out = std::to_string(hundredths / 100);
  out += '.';
  out += static_cast<char>('0' + frac / 10);
  out += static_cast<char>('0' + frac % 10);
  return out;
}

std::string ScoreLine::mean() const { return format_mean(sum, ballots); }

ScoreResult count_score(std::span<const ScoreBallot> ballots, std::size_t option_count, const Electorate& electorate) {
  ScoreResult r;
  r.ballots = static_cast<std::int64_t>(ballots.size());
  r.options.assign(option_count, ScoreLine{});
  for (const auto& b : ballots) {
    if (b.scores.size() != option_count) continue;  // invalid: never stored, never counted
    for (std::size_t o = 0; o < option_count; ++o) {
      if (b.scores[o] < kScoreMin || b.scores[o] > kScoreMax) continue;
      r.options[o].sum += b.scores[o];
      ++r.options[o].ballots;
    }
  }
  r.top = finish_ranking(
      r, r.options,
      [](const ScoreLine& l) {
        return RankKey{l.sum, 0};
      },
      r.ballots > 0, electorate);
  return r;
}

}  // namespace hs::decisions
