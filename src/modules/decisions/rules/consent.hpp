#pragma once
// Consent decision-making: the proposal passes unless a member objects.
//
// State machine:
//
//   open ──consent / object / withdraw──> open ──close (at or after closes_at)──> closed
//
//   consent   a member says they can live with it (reason only if the poll asks for one)
//   object    a member objects; an objection always needs a reason. Objecting again
//             replaces the reason. The objection stays – whatever else happens – until
//   withdraw  the objector withdraws it (they then count as consenting).
//             Every answer is marked with the state's revision, the version of the
//             proposal it was given on.
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

enum class ConsentAction { consent, object, withdraw, close };

struct ConsentEvent {
  ConsentAction action = ConsentAction::consent;
  VoterKey voter;      // consent, object, withdraw
  std::string reason;  // consent, object, withdraw
  std::int64_t at = 0;
};

// The state after the event, or why the event cannot happen (the state is unchanged).
Result<ConsentState> apply(const ConsentState& state, const ConsentEvent& event, const Settings& settings);

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
