#pragma once
// What a conversation and a post hold, checked before they are kept: the kinds the
// community names first (learning, challenge, idea) and questions; a title for the
// opening post; words in the space's Markdown subset; an optional content note shown
// before them; and the small fixed set of reactions. Pure.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::conversations {

enum class Kind { learning, challenge, idea, question };
inline constexpr std::array<Kind, 4> kKinds{Kind::learning, Kind::challenge, Kind::idea, Kind::question};
std::optional<Kind> parse_kind(std::string_view s);
std::string_view to_string(Kind k);

// A reaction: counts are shown, never who reacted.
enum class Reaction { thanks, me_too, helpful, support };
inline constexpr std::array<Reaction, 4> kReactions{Reaction::thanks, Reaction::me_too, Reaction::helpful,
                                                    Reaction::support};
std::optional<Reaction> parse_reaction(std::string_view s);
std::string_view to_string(Reaction r);

inline constexpr std::size_t kTitleMax = 150;
inline constexpr std::size_t kBodyMax = 20000;
inline constexpr std::size_t kNoteMax = 200;

// A post as typed. The title and kind only for the opening post (with_title).
struct PostInput {
  std::string title, body, content_note, kind;
  bool anonymous = false;
};
struct PostFields {
  std::string title, body, content_note;
  Kind kind = Kind::question;
  bool anonymous = false;
};
// Trims the ends (the words are otherwise kept as typed) and checks each field; invalid
// with every field's message key ("conversations_title_required", ...).
Result<PostFields> validate_post(const PostInput& in, bool with_title);
// The reply box's start when quoting a post: each line of its words as "> " lines, then a
// blank line. Long words are cut at kQuoteMax characters with "…".
inline constexpr std::size_t kQuoteMax = 1000;
std::string quote(std::string_view words);

}  // namespace hs::conversations
