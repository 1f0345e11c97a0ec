#include "modules/decisions/rules/outcome.hpp"

#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::passed: return "passed";
    case Outcome::objections_stand: return "objections_stand";
    case Outcome::blocked: return "blocked";
    case Outcome::no_agreement: return "no_agreement";
    case Outcome::threshold_not_met: return "threshold_not_met";
    case Outcome::tied: return "tied";
    case Outcome::no_votes: return "no_votes";
    case Outcome::no_quorum: return "no_quorum";
  }
  return "no_votes";
}

std::string_view outcome_key(Outcome o) {
  switch (o) {
    case Outcome::passed: return keys::kOutcomePassed;
    case Outcome::objections_stand: return keys::kOutcomeObjectionsStand;
    case Outcome::blocked: return keys::kOutcomeBlocked;
    case Outcome::no_agreement: return keys::kOutcomeNoAgreement;
    case Outcome::threshold_not_met: return keys::kOutcomeThresholdNotMet;
    case Outcome::tied: return keys::kOutcomeTied;
    case Outcome::no_votes: return keys::kOutcomeNoVotes;
    case Outcome::no_quorum: return keys::kOutcomeNoQuorum;
  }
  return keys::kOutcomeNoVotes;
}

}  // namespace hs::decisions
