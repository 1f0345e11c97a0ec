#pragma once
// "You said, we did": an action an organisation owns after people told it something.
// What an action must hold and how its status moves. Pure: no I/O; today is passed in.
//
// The moves (the contract the decision log is checked against):
//
//   raised ──> being looked at ──> change planned ──> change made
//     │              │                   │
//     └──────────────┴───────────────────┴──────────> not changing
//
// - Only forward. An organisation may skip a step forward (it may already have a plan
//   when the action is raised, or have made the change), but never go back: going from
//   "change planned" back to "being looked at" would let a promise quietly disappear
//   from the record. A plan that is dropped is "not changing", with its reason in public.
// - "Change made" and "not changing" are final. Something that needs opening again is a
//   new action raised from the same source, so the first answer stays on the record.
// - "Change made" needs a short account of what changed (a link is optional);
//   "not changing" needs a reason. Neither can be recorded without it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::actions {

inline constexpr std::size_t kTitleMax = 200;
inline constexpr std::size_t kDetailsMax = 2000;
inline constexpr std::size_t kTextMax = 2000;
inline constexpr std::size_t kLinkMax = 500;
// Days without an update after which the owning partners are reminded.
inline constexpr std::int64_t kStaleDays = 30;
// Days before the due date when the owning partners are reminded.
inline constexpr std::int64_t kDueSoonDays = 7;

enum class Status { raised, looking_at, planned, made, not_changing };

std::optional<Status> parse_status(std::string_view s);
// "raised", "looking_at", "planned", "made", "not_changing"
std::string_view to_string(Status s);
bool is_final(Status s);
// Whether the move is allowed by the contract above (a move to the same status is not).
bool may_move(Status from, Status to);

// What a person typed to move an action.
struct MoveInput {
  std::string to;       // the new status
  std::string note;     // optional: what is happening (any move)
  std::string account;  // what changed: required for "made"
  std::string link;     // optional, for "made": http(s) address where people can see it
  std::string reason;   // why not: required for "not changing"
};
// The move checked: the text kept with it (the note, the account or the reason) and link.
struct Move {
  Status from = Status::raised;
  Status to = Status::raised;
  std::string text;
  std::string link;
};
// Field errors: to (actions_status_required; conflict actions_move_refused when the move is
// not allowed, actions_closed when the action is final), account (actions_account_required,
// actions_text_too_long), link (actions_link_invalid), reason (actions_reason_required,
// actions_text_too_long), note (actions_text_too_long); text that is not UTF-8 or holds
// control characters: actions_text_invalid on its field.
Result<Move> check_move(Status from, const MoveInput& in);

// What a person typed to raise an action.
struct RaiseInput {
  std::string title, details, due_on;  // due_on: YYYY-MM-DD or empty
  std::int64_t organisation_id = 0;
  std::int64_t story_id = 0;
  std::int64_t decision_id = 0;
  std::int64_t theme_id = 0;  // a theme of an event report; an action comes from exactly one source
};
struct RaiseFields {
  std::string title, details;
  std::optional<std::string> due_on;
};
// Field errors: title (actions_title_required, _too_long), details (actions_details_too_long),
// due_on (actions_due_invalid, actions_due_past: before today), organisation
// (actions_organisation_required), story (the source: actions_source_required for none,
// actions_source_one for more than one of a story, a decision and a theme); actions_text_invalid.
// today: "YYYY-MM-DD" in UTC.
Result<RaiseFields> check_raise(const RaiseInput& in, std::string_view today);

// Reminders. Due soon: an open action with a due date within kDueSoonDays from today (or
// past it). Stale: an open action whose last update is kStaleDays or more before now.
bool due_soon(Status s, const std::optional<std::string>& due_on, std::string_view today);
bool stale(Status s, std::int64_t updated_at, std::int64_t now);

}  // namespace hs::actions
