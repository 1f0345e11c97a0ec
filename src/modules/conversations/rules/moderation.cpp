#include "modules/conversations/rules/moderation.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"

namespace hs::conversations {

namespace {

constexpr std::array<std::pair<State, std::string_view>, 5> kStates{{{State::visible, "visible"},
                                                                     {State::pending, "pending"},
                                                                     {State::hidden, "hidden"},
                                                                     {State::review, "review"},
                                                                     {State::removed, "removed"}}};
constexpr std::array<std::pair<Act, std::string_view>, 6> kActs{{{Act::approve, "approve"},
                                                                 {Act::hide, "hide"},
                                                                 {Act::ask_review, "ask_review"},
                                                                 {Act::restore, "restore"},
                                                                 {Act::keep_hidden, "keep_hidden"},
                                                                 {Act::remove, "remove"}}};

}  // namespace

std::optional<State> parse_state(std::string_view s) {
  for (const auto& [v, n] : kStates)
    if (n == s) return v;
  return std::nullopt;
}
std::string_view to_string(State s) {
  for (const auto& [v, n] : kStates)
    if (v == s) return n;
  return "removed";
}
std::optional<Act> parse_act(std::string_view s) {
  for (const auto& [v, n] : kActs)
    if (n == s) return v;
  return std::nullopt;
}
std::string_view to_string(Act a) {
  for (const auto& [v, n] : kActs)
    if (v == a) return n;
  return "";
}

State initial_state(bool anonymous) { return anonymous ? State::pending : State::visible; }

Result<State> next_state(State s, Act a) {
  std::optional<State> to;
  switch (a) {
    case Act::approve:
      if (s == State::pending) to = State::visible;
      break;
    case Act::hide:
      if (s == State::visible || s == State::pending) to = State::hidden;
      break;
    case Act::ask_review:
      if (s == State::hidden) to = State::review;
      break;
    case Act::restore:
      if (s == State::hidden || s == State::review) to = State::visible;
      break;
    case Act::keep_hidden:
      if (s == State::review) to = State::hidden;
      break;
    case Act::remove:
      if (s != State::removed) to = State::removed;
      break;
  }
  if (!to) return fail(ErrorCode::invalid, "conversations_state_" + std::string(to_string(a)));
  return *to;
}

bool editable(State s) { return s != State::removed; }

Shown shown(State s, bool is_author, bool is_facilitator) {
  switch (s) {
    case State::visible: return Shown::text;
    case State::removed: return Shown::removed_notice;
    case State::pending: return (is_author || is_facilitator) ? Shown::text : Shown::nothing;
    case State::hidden:
    case State::review: return (is_author || is_facilitator) ? Shown::text : Shown::hidden_notice;
  }
  return Shown::nothing;
}

Result<std::string> validate_reason(std::string_view reason) {
  auto r = std::string(text::trim(reason));
  const char* key = nullptr;
  if (!text::valid_utf8(r) || text::has_control(r, true)) key = "conversations_text_invalid";
  else if (text::length(r) < 3) key = "conversations_reason_required";
  else if (text::length(r) > 1000) key = "conversations_reason_too_long";
  if (key) {
    Validation v;
    v.add("reason", key);
    return fail(v.error());
  }
  return r;
}

}  // namespace hs::conversations
