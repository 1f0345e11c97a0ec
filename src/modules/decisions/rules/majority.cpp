#include "modules/decisions/rules/majority.hpp"

namespace hs::decisions {

std::optional<MajorityChoice> parse_majority_choice(std::string_view s) {
  if (s == "yes") return MajorityChoice::yes;
  if (s == "no") return MajorityChoice::no;
  if (s == "abstain") return MajorityChoice::abstain;
  return std::nullopt;
}

std::string_view to_string(MajorityChoice c) {
  switch (c) {
    case MajorityChoice::yes: return "yes";
    case MajorityChoice::no: return "no";
    case MajorityChoice::abstain: return "abstain";
  }
  return "abstain";
}

MajorityResult count_majority(std::span<const MajorityChoice> ballots, Threshold threshold,
                              const Electorate& electorate) {
  MajorityResult r;
  r.threshold = threshold;
  for (auto c : ballots) {
    switch (c) {
      case MajorityChoice::yes: ++r.yes; break;
      case MajorityChoice::no: ++r.no; break;
      case MajorityChoice::abstain: ++r.abstain; break;
    }
  }
  r.quorum = check_quorum(electorate, static_cast<std::int64_t>(ballots.size()));
  if (!r.quorum.met) r.outcome = Outcome::no_quorum;
  else if (r.cast() == 0) r.outcome = Outcome::no_votes;
  else if (r.yes == r.no) r.outcome = Outcome::tied;
  else if (threshold_met(threshold, r.yes, r.no)) r.outcome = Outcome::passed;
  else r.outcome = Outcome::threshold_not_met;
  return r;
}

}  // namespace hs::decisions
