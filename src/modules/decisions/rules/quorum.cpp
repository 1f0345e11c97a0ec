#include "modules/decisions/rules/quorum.hpp"

#include <algorithm>

namespace hs::decisions {

QuorumReport check_quorum(const Electorate& electorate, std::int64_t turnout) {
  QuorumReport r;
  r.percent = std::clamp(electorate.quorum_percent, 0, kQuorumMax);
  r.eligible = std::max<std::int64_t>(electorate.eligible, 0);
  r.turnout = std::max<std::int64_t>(turnout, 0);
  r.required = (r.percent * r.eligible + kQuorumMax - 1) / kQuorumMax;
  r.met = r.turnout >= r.required;
  return r;
}

}  // namespace hs::decisions
