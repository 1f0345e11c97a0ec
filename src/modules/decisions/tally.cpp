#include "modules/decisions/tally.hpp"

#include <algorithm>

#include "modules/decisions/methods/descriptor.hpp"

namespace hs::decisions {

Tally tally(const Settings& s, Phase phase, std::int64_t proposal_id, std::size_t option_count,
            const std::vector<KeyedBallot>& ballots, std::int64_t eligible) {
  Tally t;
  t.method = s.method;
  t.result = descriptor(s.method).count(s, phase, proposal_id, option_count, ballots, electorate(s, eligible));
  std::visit(
      [&](const auto& r) {
        t.outcome = r.outcome;
        t.quorum = r.quorum;
      },
      t.result);
  return t;
}

CsvTable results_table(const Tally& t, const std::vector<std::string>& options) {
  return descriptor(t.method).csv(t.result, options);
}

bool objection_stands(Method m, const std::vector<KeyedBallot>& ballots) {
  const auto& method = descriptor(m);
  return std::ranges::any_of(ballots, [&](const auto& b) { return method.objection_entry(b.ballot.choice); });
}

}  // namespace hs::decisions
