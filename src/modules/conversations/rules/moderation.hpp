#pragma once
// A post's moderation state: the opening post of a conversation and every reply.
//
//   visible  ── hide (facilitator, reason) ──> hidden ── ask_review (author) ──> review
//   pending  ── approve (facilitator) ──> visible      hidden, review ── restore ──> visible
//   pending  ── hide ──> hidden                        review ── keep_hidden ──> hidden
//   any but removed ── remove (author) ──> removed   (final: the words are gone)
//
// An anonymous post starts pending and shows to nobody but its author and the space's
// facilitators (who never see who wrote it) until a facilitator approves it. A hidden post
// keeps its words for its author and the facilitators, with the reason the author is
// shown; everyone else sees that a facilitator hid it. A removed post shows "removed by
// its author" to everyone. Pure: who acts is the permissions' business.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::conversations {

enum class State { visible, pending, hidden, review, removed };
enum class Act { approve, hide, ask_review, restore, keep_hidden, remove };

std::optional<State> parse_state(std::string_view s);
std::string_view to_string(State s);
std::optional<Act> parse_act(std::string_view s);
std::string_view to_string(Act a);

// The state a new post starts in.
State initial_state(bool anonymous);
// The state after the act, or invalid ("conversations_state_<act>") when the act does not
// apply to a post in this state.
Result<State> next_state(State s, Act a);
// Whether the author may still change their words (not once removed).
bool editable(State s);

// What a reader is shown of a post.
enum class Shown {
  text,            // its words
  hidden_notice,   // "hidden by a facilitator" (no words)
  removed_notice,  // "removed by its author" (no words)
  nothing,         // not shown at all (pending, to everyone but author and facilitators)
};
Shown shown(State s, bool is_author, bool is_facilitator);

// A facilitator's reason for hiding: trimmed, 3 to 1,000 characters, or invalid (field
// "reason").
Result<std::string> validate_reason(std::string_view reason);

}  // namespace hs::conversations
