#include "modules/decisions/rules/consent.hpp"

#include <algorithm>

#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/reason.hpp"

namespace hs::decisions {

Result<ConsentState> apply(const ConsentState& state, const ConsentEvent& event, const Settings& settings) {
  ConsentState s = state;
  if (event.action == ConsentAction::close) {
    if (auto ok = check_may_close(state.phase, settings, event.at); !ok) return fail(ok.error());
    s.phase = Phase::closed;
    return s;
  }
  if (auto ok = check_may_respond(state.phase, settings, event.at); !ok) return fail(ok.error());

  switch (event.action) {
    case ConsentAction::consent: {
      auto reason = check_reason(event.reason, settings.reasons_required, keys::kReasonRequired);
      if (!reason) return fail(reason.error());
      s.responses[event.voter] = {ConsentStance::consent, std::move(*reason), s.revision, event.at};
      return s;
    }
    case ConsentAction::object: {
      auto reason = check_reason(event.reason, true, keys::kObjectionReasonRequired);
      if (!reason) return fail(reason.error());
      s.responses[event.voter] = {ConsentStance::object, std::move(*reason), s.revision, event.at};
      return s;
    }
    case ConsentAction::withdraw: {
      auto it = s.responses.find(event.voter);
      if (it == s.responses.end() || it->second.stance != ConsentStance::object)
        return refuse(ErrorCode::conflict, keys::kObjectionNone);
      auto reason = check_reason(event.reason, settings.reasons_required, keys::kReasonRequired);
      if (!reason) return fail(reason.error());
      it->second = {ConsentStance::consent, std::move(*reason), s.revision, event.at};
      return s;
    }
    case ConsentAction::close: break;  // handled above
  }
  return s;
}

ConsentResult consent_result(const ConsentState& state, const Electorate& electorate) {
  ConsentResult r;
  r.closed = state.phase == Phase::closed;
  r.revision = state.revision;
  for (const auto& [voter, resp] : state.responses) {
    if (resp.stance == ConsentStance::object) {
      ++r.objections;
      r.standing.push_back({resp.reason, resp.revision, resp.at});
    } else {
      ++r.consents;
    }
  }
  std::stable_sort(r.standing.begin(), r.standing.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  r.quorum = check_quorum(electorate, r.consents + r.objections);
  if (!r.quorum.met) r.outcome = Outcome::no_quorum;
  else if (r.objections > 0) r.outcome = Outcome::objections_stand;
  else r.outcome = Outcome::passed;
  return r;
}

}  // namespace hs::decisions
