#pragma once
// Consent decision-making: the proposal passes unless a member objects.
//
// State machine (every step is an event, so the decision log can replay it):
//
//   open ──consent / object / withdraw / revise──> open ──close (at or after closes_at)──> closed
//
//   consent   a member says they can live with it (reason only if the poll asks for one)
//   object    a member objects; an objection always needs a reason. Objecting again
//             replaces the reason. The objection stays – whatever else happens – until
//   withdraw  the objector withdraws it (they then count as consenting), or
//   revise    the proposal is changed: the revision number goes up, every objection is
//             cleared and the step names the objectors so they can be told (they may
//             object again to the new text). Consents stay, marked with the revision
//             they were given on: silence already counts as consent, so carrying them
//             over changes no outcome, only the turnout.
//   close     fixes the outcome: passed when no objection stands and the quorum is met;
//             objections_stand or no_quorum otherwise (no_quorum checked first).
//
// Turnout is the number of members with a response (consent or objection).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/rules/ballot.hpp"
#include "modules/decisions/rules/outcome.hpp"
#include "modules/decisions/rules/process.hpp"
#include "modules/decisions/rules/quorum.hpp"
#include "modules/decisions/rules/settings.hpp"

namespace hs::decisions {

enum class ConsentStance { consent, object };

struct ConsentResponse {
  ConsentStance stance = ConsentStance::consent;
  std::string reason;
  int revision = 1;  // the version of the proposal it was given on
  std::int64_t at = 0;
  bool operator==(const ConsentResponse&) const = default;
};

struct ConsentState {
  Phase phase = Phase::open;
  int revision = 1;
  std::map<VoterKey, ConsentResponse> responses;  // latest per member
  bool operator==(const ConsentState&) const = default;
};

enum class ConsentAction { consent, object, withdraw, revise, close };

struct ConsentEvent {
  ConsentAction action = ConsentAction::consent;
  VoterKey voter;      // consent, object, withdraw
  std::string reason;  // consent, object, withdraw
  std::int64_t at = 0;
};

struct ConsentStep {
  ConsentState state;
  std::vector<VoterKey> to_tell;  // revise: members whose objections were cleared
};

// The state after the event, or why the event cannot happen (the state is unchanged).
Result<ConsentStep> apply(const ConsentState& state, const ConsentEvent& event, const Settings& settings);
// Applies events in order from a fresh state; the first refused event is the answer.
Result<ConsentState> replay_consent(const std::vector<ConsentEvent>& events, const Settings& settings);

struct StandingObjection {
  std::string reason;
  int revision = 1;
  std::int64_t at = 0;
};

// What a page or export shows. No voter keys: who objected is the page's business, and
// only for named polls.
struct ConsentResult {
  Outcome outcome = Outcome::passed;
  bool closed = false;
  int revision = 1;
  std::int64_t consents = 0;
  std::int64_t objections = 0;
  std::vector<StandingObjection> standing;  // oldest first
  QuorumReport quorum;
};

// Works on an open state too ("as things stand"); final once state.phase is closed.
ConsentResult consent_result(const ConsentState& state, const Electorate& electorate);

}  // namespace hs::decisions
