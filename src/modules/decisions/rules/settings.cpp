#include "modules/decisions/rules/settings.hpp"

#include <charconv>

#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {

namespace {

std::optional<int> whole_number(std::string_view text, int lo, int hi) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

}  // namespace

std::optional<ResultsVisibility> parse_visibility(std::string_view s) {
  if (s == "after_voting") return ResultsVisibility::after_voting;
  if (s == "after_close") return ResultsVisibility::after_close;
  return std::nullopt;
}

std::string_view to_string(ResultsVisibility v) {
  return v == ResultsVisibility::after_voting ? "after_voting" : "after_close";
}

std::string_view name_key(ResultsVisibility v) {
  return v == ResultsVisibility::after_voting ? keys::kVisibilityAfterVoting : keys::kVisibilityAfterClose;
}

Result<int> parse_quorum_percent(std::string_view text) {
  if (auto v = whole_number(text, 0, kQuorumMax)) return *v;
  return field_error("quorum", keys::kQuorumRange);
}

Result<int> parse_dots_per_person(std::string_view text) {
  if (auto v = whole_number(text, 1, kDotsMax)) return *v;
  return field_error("dots", keys::kDotsRange);
}

Result<void> validate_settings(const Settings& s, std::int64_t now) {
  Validation v;
  if (s.closes_at <= now) v.add("closes_at", std::string(keys::kClosesPast));
  else if (s.closes_at - now > kClosesMaxAhead) v.add("closes_at", std::string(keys::kClosesTooFar));
  if (s.quorum_percent < 0 || s.quorum_percent > kQuorumMax) v.add("quorum", std::string(keys::kQuorumRange));
  if (s.method == Method::dot_vote && (s.dots_per_person < 1 || s.dots_per_person > kDotsMax))
    v.add("dots", std::string(keys::kDotsRange));
  if (!v.ok()) return fail(v.error());
  return {};
}

Result<void> check_settings_change(const Settings& current, const Settings& proposed, bool opened, std::int64_t now) {
  if (opened) {
    if (current.anonymous && !proposed.anonymous) return field_error("anonymous", keys::kAnonymityLocked);
    if (!(current == proposed)) return refuse(ErrorCode::conflict, keys::kSettingsLocked);
    return {};
  }
  return validate_settings(proposed, now);
}

bool can_see_results(const Settings& s, bool has_voted, bool closed) {
  if (closed) return true;
  switch (s.results) {
    case ResultsVisibility::after_voting: return has_voted;
    case ResultsVisibility::after_close: return false;
  }
  return false;
}

bool is_open(const Settings& s, std::int64_t now) { return now < s.closes_at; }

Result<void> check_open(const Settings& s, std::int64_t now) {
  if (!is_open(s, now)) return refuse(ErrorCode::conflict, keys::kClosed);
  return {};
}

Electorate electorate(const Settings& s, std::int64_t eligible) { return Electorate{eligible, s.quorum_percent}; }

}  // namespace hs::decisions
