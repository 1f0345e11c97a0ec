#pragma once
// Two promises this module makes on top of the rules, kept pure so they are tested on
// their own (candidates to move into rules/ beside process.hpp):
//
// Closing early. The rules declare an outcome only once the stated closing time has
// come. A facilitator or the proposer may close before it only when nobody can lose
// their say: every member who can vote has answered, and – in a named consent or
// consensus poll – no objection or block stands (an objector may still be persuaded;
// closing would freeze their "no"). Anonymous polls do not look at answers before
// closing, so for them "everyone has answered" is the whole test.
//
// Anonymous polls show no results until closing, whatever was asked: a running count
// that moves after each answer would tell anyone watching the decision log's "answered"
// entries how each person answered.
#include <cstdint>

#include "core/error.hpp"
#include "modules/decisions/rules/process.hpp"
#include "modules/decisions/rules/settings.hpp"

namespace hs::decisions {

// Settings as they will be fixed: anonymous polls hide results until closing.
Settings settings_for_opening(Settings s);

struct CloseCheck {
  std::int64_t turnout = 0;
  std::int64_t eligible = 0;
  bool objection_stands = false;  // named consent/consensus polls only
};

// Whether closing before the stated time is allowed (see above).
bool may_close_early(const Settings& s, const CloseCheck& check);

// Whether the proposal may be closed now. Refusals: decisions_closed (already closed),
// decisions_close_early_not_everyone (before the time, not everyone has answered),
// decisions_close_early_objection (before the time, an objection or block stands).
Result<void> check_close(Phase phase, const Settings& s, std::int64_t now, const CloseCheck& check);

// True when the proposal closed before its stated time.
bool closes_early(const Settings& s, std::int64_t now);

}  // namespace hs::decisions
