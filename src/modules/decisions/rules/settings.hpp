#pragma once
// How a proposal is decided, fixed when it opens so nobody can move the goalposts once
// people have started to vote. Pure: the time is passed in (unix seconds).
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/error.hpp"
#include "modules/decisions/rules/method.hpp"
#include "modules/decisions/rules/quorum.hpp"
#include "modules/decisions/rules/threshold.hpp"

namespace hs::decisions {

// When results may be seen before closing. After closing everyone may see them.
enum class ResultsVisibility {
  after_voting,  // once a person has taken part themselves
  after_close,   // by nobody until closing, so early results sway nobody
};

inline constexpr std::int64_t kClosesMaxAhead = 366LL * 24 * 60 * 60;
inline constexpr int kDotsMax = 100;

struct Settings {
  Method method = Method::consent;
  std::int64_t closes_at = 0;  // voting is open while now < closes_at
  int quorum_percent = 0;      // 0..100 share of members who must take part
  ResultsVisibility results = ResultsVisibility::after_close;
  // Every answer needs a reason: enforced here for consent and consensus, and by commands
  // for the other methods through check_reason. Objections and blocks always need one.
  bool reasons_required = false;
  bool anonymous = false;                            // nobody, facilitators included, sees who answered what
  Threshold threshold = Threshold::simple_majority;  // majority only
  int dots_per_person = 0;                           // dot vote only: 1..kDotsMax

  bool operator==(const Settings&) const = default;
};

std::optional<ResultsVisibility> parse_visibility(std::string_view s);
std::string_view to_string(ResultsVisibility v);  // "after_voting", "after_close"
std::string_view name_key(ResultsVisibility v);

// The quorum and dots fields as typed on the form: whole numbers in range.
Result<int> parse_quorum_percent(std::string_view text);
Result<int> parse_dots_per_person(std::string_view text);

// Checks settings for a proposal about to open (or being edited before it opens).
// Field errors: closes_at, quorum, dots.
Result<void> validate_settings(const Settings& s, std::int64_t now);

// Whether settings may change from `current` to `proposed`. Before opening anything
// valid goes; once open nothing may change, and switching anonymity off is refused
// with its own key because it would expose answers given in confidence.
Result<void> check_settings_change(const Settings& current, const Settings& proposed, bool opened, std::int64_t now);

// Whether a person may see the running results. Closed: everyone.
bool can_see_results(const Settings& s, bool has_voted, bool closed);

bool is_open(const Settings& s, std::int64_t now);
// Refuses (conflict, decisions_closed) once the closing time has come.
Result<void> check_open(const Settings& s, std::int64_t now);

Electorate electorate(const Settings& s, std::int64_t eligible);

}  // namespace hs::decisions
