#pragma once
// How a decision came out, shared by every method so pages and the decision log speak of
// outcomes the same way. Quorum is checked first: a decision too few people took part in
// is reported as no_quorum whatever the votes say.
#include <string_view>

namespace hs::decisions {

enum class Outcome {
  passed,             // passed; for methods choosing among options, one option was chosen
  objections_stand,   // consent: at least one objection stands at closing
  blocked,            // consensus: at least one block
  no_agreement,       // consensus: no block, but nobody agreed
  threshold_not_met,  // majority: yes fell short of the threshold
  tied,               // majority: yes equals no (fails); options: the top is shared
  no_votes,           // nothing to count
  no_quorum,          // too few members took part
};

std::string_view to_string(Outcome o);    // "passed", "objections_stand", ...
std::string_view outcome_key(Outcome o);  // decisions_outcome_<name>

}  // namespace hs::decisions
