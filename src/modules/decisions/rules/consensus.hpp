#pragma once
// Consensus decision-making: everyone says where they stand.
//
//   agree     support it
//   abstain   take no position (still counts as taking part)
//   disagree  "stand aside": the disagreement is recorded, with its reason, and does
//             not stop the proposal
//   block     a principled objection that stops it; a block always needs a reason
//
// Each may carry a reason; when the poll asks for reasons every answer needs one.
//
// State machine, like consent.hpp:
//   open ──respond──> open ──close (at or after closes_at)──> closed
//   respond   sets or replaces a member's position (the latest counts), marked with
//             the state's revision, the version of the proposal it was given on
//
// Outcome: no_quorum if too few took part (checked first); otherwise blocked if any
// block stands; otherwise no_agreement if nobody agrees (a proposal everyone abstains
// on or stands aside from has not reached consensus); otherwise passed. Stand-asides do
// not count against it, however many there are; they are reported beside the outcome.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/rules/ballot.hpp"
#include "modules/decisions/rules/outcome.hpp"
#include "modules/decisions/rules/process.hpp"
#include "modules/decisions/rules/quorum.hpp"
#include "modules/decisions/rules/settings.hpp"

namespace hs::decisions {

enum class Position { agree, abstain, disagree, block };

std::optional<Position> parse_position(std::string_view s);
std::string_view to_string(Position p);  // "agree", "abstain", "disagree", "block"

struct ConsensusResponse {
  Position position = Position::agree;
  std::string reason;
  int revision = 1;
  std::int64_t at = 0;
  bool operator==(const ConsensusResponse&) const = default;
};

struct ConsensusState {
  Phase phase = Phase::open;
  int revision = 1;
  std::map<VoterKey, ConsensusResponse> responses;  // latest per member
  bool operator==(const ConsensusState&) const = default;
};

enum class ConsensusAction { respond, close };

struct ConsensusEvent {
  ConsensusAction action = ConsensusAction::respond;
  VoterKey voter;                       // respond
  Position position = Position::agree;  // respond
  std::string reason;                   // respond
  std::int64_t at = 0;
};

// The state after the event, or why the event cannot happen (the state is unchanged).
Result<ConsensusState> apply(const ConsensusState& state, const ConsensusEvent& event, const Settings& settings);

struct GivenReason {
  Position position = Position::agree;
  std::string reason;
  int revision = 1;
  std::int64_t at = 0;
};

struct ConsensusResult {
  Outcome outcome = Outcome::no_votes;
  bool closed = false;
  int revision = 1;
  std::int64_t agree = 0;
  std::int64_t abstain = 0;
  std::int64_t disagree = 0;  // stood aside
  std::int64_t block = 0;
  std::vector<GivenReason> reasons;  // non-empty reasons: blocks first, then disagree, abstain, agree; oldest first
  QuorumReport quorum;
};

ConsensusResult consensus_result(const ConsensusState& state, const Electorate& electorate);

}  // namespace hs::decisions
