#include "modules/decisions/policy.hpp"

#include "modules/decisions/rules/errors.hpp"

namespace hs::decisions {

Settings settings_for_opening(Settings s) {
  if (s.anonymous) s.results = ResultsVisibility::after_close;
  return s;
}

bool may_close_early(const Settings& s, const CloseCheck& check) {
  if (check.eligible <= 0 || check.turnout < check.eligible) return false;
  const bool weighs_objections = s.method == Method::consent || s.method == Method::consensus;
  if (weighs_objections && !s.anonymous && check.objection_stands) return false;
  return true;
}

Result<void> check_close(Phase phase, const Settings& s, std::int64_t now, const CloseCheck& check) {
  if (phase == Phase::closed || !closes_early(s, now)) return check_may_close(phase, s, now);
  if (check.eligible <= 0 || check.turnout < check.eligible)
    return refuse(ErrorCode::conflict, "decisions_close_early_not_everyone");
  if (!may_close_early(s, check)) return refuse(ErrorCode::conflict, "decisions_close_early_objection");
  return {};
}

bool closes_early(const Settings& s, std::int64_t now) { return is_open(s, now); }

}  // namespace hs::decisions
