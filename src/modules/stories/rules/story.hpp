#pragma once
// Stories: what a story must hold, how it moves between states, and what a facilitator's
// suggestion and a partner's response must hold. Pure: no I/O; the time is passed in.
//
// A story is published as soon as its author shares it, with their choice of readers and
// of how they are shown, and their agreement to the space's consent text. Its words stay
// the author's: each edit by the author is a new version, a facilitator may only hold it
// back (with a reason the author sees) or suggest a change that the author accepts or
// rejects. Withdrawal is the author's at any time and is final: a withdrawn story is shown
// to nobody (its author keeps it in their download).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace hs::stories {

inline constexpr std::size_t kTitleMax = 150;
inline constexpr std::size_t kBodyMax = 20000;
inline constexpr std::size_t kNoteMax = 300;
inline constexpr std::size_t kTopicMax = 40;
inline constexpr std::size_t kTopicsMax = 10;
inline constexpr std::size_t kPseudonymMax = 60;
inline constexpr std::size_t kReasonMax = 1000;
inline constexpr std::size_t kResponseMax = 5000;
inline constexpr std::size_t kOrganisationMax = 120;

// Who may read a published story.
enum class Audience { members, partners, anyone };
// How its author is shown: their name, a pseudonym they chose, or not at all.
enum class ShownAs { name, pseudonym, anonymous };
enum class Status { published, held, withdrawn };

std::optional<Audience> parse_audience(std::string_view s);
std::optional<ShownAs> parse_shown_as(std::string_view s);
std::optional<Status> parse_status(std::string_view s);
std::string_view to_string(Audience a);  // "members", "partners", "anyone"
std::string_view to_string(ShownAs s);   // "name", "pseudonym", "anonymous"
std::string_view to_string(Status s);    // "published", "held", "withdrawn"

// What the author typed.
struct StoryInput {
  std::string title, body, content_note, topics, audience, shown_as, pseudonym;
  bool consent = false;
};

// The same, checked and tidied: text trimmed at the ends (the words themselves untouched),
// topics split at commas, trimmed, without repeats.
struct StoryFields {
  std::string title, body, content_note;
  std::vector<std::string> topics;
  Audience audience = Audience::members;
  ShownAs shown_as = ShownAs::anonymous;
  std::string pseudonym;  // empty unless shown_as is pseudonym
};

// Field errors: title (stories_title_required, _too_long), body (stories_body_required,
// _too_long), content_note (stories_note_too_long), topics (stories_topics_invalid),
// audience (stories_audience_required), shown_as (stories_shown_as_required), pseudonym
// (stories_pseudonym_required, _too_long), consent (stories_consent_required). Any text
// that is not UTF-8 or holds control characters: stories_text_invalid on its field.
Result<StoryFields> validate_story(const StoryInput& in);

// Whether the words differ from the version before (an edit that changes only who may
// read or how the author is shown makes no new version).
bool words_changed(const StoryFields& next, std::string_view title, std::string_view body,
                   std::string_view content_note);

// Moves. Each fails with conflict (stories_withdrawn, stories_not_held, stories_already_held)
// when the story is not in a state that allows it.
Result<void> check_may_edit(Status s);      // the author: published or held
Result<void> check_may_withdraw(Status s);  // the author: published or held
Result<void> check_may_hold(Status s);      // a facilitator: published
Result<void> check_may_release(Status s);   // a facilitator: held
// A reason to hold a story, or a facilitator's reason for a suggestion: required, at most
// kReasonMax characters (field "reason": stories_reason_required, _too_long).
Result<std::string> validate_reason(std::string_view reason);

enum class SuggestionStatus { open, accepted, rejected };
std::optional<SuggestionStatus> parse_suggestion_status(std::string_view s);
std::string_view to_string(SuggestionStatus s);
// A suggestion can be made on a published or held story with no other open suggestion
// (conflict stories_suggestion_open), and decided once, while open and while the story's
// words are still those it was made on (conflict stories_suggestion_stale: the author has
// changed them since; the facilitator can suggest again).
Result<void> check_may_suggest(Status s, bool another_open);
Result<void> check_may_decide(SuggestionStatus s, Status story, std::int64_t base_number, std::int64_t current_number);

// A response or reply: required, at most kResponseMax (field "body": stories_response_required,
// _too_long, stories_text_invalid).
Result<std::string> validate_response(std::string_view body);
// An organisation's name (field "name": stories_organisation_required, _too_long).
Result<std::string> validate_organisation(std::string_view name);

inline constexpr std::size_t kConsentMax = 5000;
// A space's own consent text (field "body": stories_consent_text_required, _too_long,
// stories_text_invalid), trimmed; the Markdown subset, like a story.
Result<std::string> validate_consent_text(std::string_view body);

}  // namespace hs::stories
