#include "modules/decisions/rules/consensus.hpp"

#include <algorithm>

#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/reason.hpp"

namespace hs::decisions {

std::optional<Position> parse_position(std::string_view s) {
  for (auto p : {Position::agree, Position::abstain, Position::disagree, Position::block})
    if (to_string(p) == s) return p;
  return std::nullopt;
}

std::string_view to_string(Position p) {
  switch (p) {
    case Position::agree: return "agree";
    case Position::abstain: return "abstain";
    case Position::disagree: return "disagree";
    case Position::block: return "block";
  }
  return "agree";
}

Result<ConsensusState> apply(const ConsensusState& state, const ConsensusEvent& event, const Settings& settings) {
  ConsensusState s = state;
  switch (event.action) {
    case ConsensusAction::close: {
      if (auto ok = check_may_close(state.phase, settings, event.at); !ok) return fail(ok.error());
      s.phase = Phase::closed;
      return s;
    }
    case ConsensusAction::respond: {
      if (auto ok = check_may_respond(state.phase, settings, event.at); !ok) return fail(ok.error());
      const bool is_block = event.position == Position::block;
      auto reason = check_reason(event.reason, is_block || settings.reasons_required,
                                 is_block ? keys::kBlockReasonRequired : keys::kReasonRequired);
      if (!reason) return fail(reason.error());
      s.responses[event.voter] = {event.position, std::move(*reason), s.revision, event.at};
      return s;
    }
  }
  return s;
}

ConsensusResult consensus_result(const ConsensusState& state, const Electorate& electorate) {
  ConsensusResult r;
  r.closed = state.phase == Phase::closed;
  r.revision = state.revision;
  for (const auto& [voter, resp] : state.responses) {
    switch (resp.position) {
      case Position::agree: ++r.agree; break;
      case Position::abstain: ++r.abstain; break;
      case Position::disagree: ++r.disagree; break;
      case Position::block: ++r.block; break;
    }
    if (!resp.reason.empty()) r.reasons.push_back({resp.position, resp.reason, resp.revision, resp.at});
  }
  // Blocks first: they decide the outcome, so they are what people need to read first.
  auto weight = [](Position p) {
    switch (p) {
      case Position::block: return 0;
      case Position::disagree: return 1;
      case Position::abstain: return 2;
      case Position::agree: return 3;
    }
    return 3;
  };
  std::stable_sort(r.reasons.begin(), r.reasons.end(), [&](const auto& a, const auto& b) {
    return std::pair(weight(a.position), a.at) < std::pair(weight(b.position), b.at);
  });
  r.quorum = check_quorum(electorate, r.agree + r.abstain + r.disagree + r.block);
  if (!r.quorum.met) r.outcome = Outcome::no_quorum;
  else if (r.block > 0) r.outcome = Outcome::blocked;
  else if (r.agree == 0) r.outcome = Outcome::no_agreement;
  else r.outcome = Outcome::passed;
  return r;
}

}  // namespace hs::decisions
