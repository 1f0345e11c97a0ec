#pragma once
// Who is told of a new post, and how: the rules behind every notification the
// conversations module sends, pure so that "mute wins" can be tested on its own.
//
// Each person chooses, for each space, a level (watch, normal or mute) and how email
// reaches them (at once, a daily digest, a weekly digest, or never); and, for any one
// conversation, a level of its own that takes the place of the space's.
//
// - watch: told of every new conversation and every reply;
// - normal: told when mentioned, and of replies in conversations they started or replied to;
// - mute: told of nothing. Mute wins everywhere: a muted space silences its conversations
//   even one marked watch, a muted conversation silences mentions in it, and a person who
//   muted either is not told even when mentioned.
//
// Nobody is told of their own post. Whatever reaches a person in the app reaches them by
// email as they chose (at once, in the next digest, or not at all); nothing reaches them by
// email that is not also in the app.
#include <cstdint>
#include <optional>
#include <string_view>

namespace hs::conversations {

enum class Level { watch, normal, mute };
enum class Email { at_once, daily, weekly, never };
std::optional<Level> parse_level(std::string_view s);
std::string_view to_string(Level l);
std::optional<Email> parse_email(std::string_view s);
std::string_view to_string(Email e);

// A person's choices: for the space, and for the conversation when they set one.
struct Choices {
  Level space = Level::normal;
  std::optional<Level> conversation;
  Email email = Email::at_once;
};

// What happened and how it touches this person.
struct Happening {
  bool new_conversation = false;  // the opening post (else a reply)
  bool is_actor = false;          // they wrote it
  bool mentioned = false;         // it mentions them
  bool took_part = false;         // they started the conversation or replied in it before
};

// Why a person is told (the words of the notification follow from it).
enum class Reason { none, mention, reply, new_conversation };
enum class When { never, now, daily, weekly };
struct Delivery {
  Reason reason = Reason::none;  // none: not told at all (not in the app either)
  When email = When::never;
};
Delivery decide(const Choices& choices, const Happening& h);

// The level that applies in the conversation (mute in the space wins over the
// conversation's own).
Level effective_level(const Choices& choices);

// Whether a digest is due: a day (daily) or a week (weekly) after the last one was sent,
// or, before the first, after the oldest notification waiting for it; never for at_once
// and never (at_once goes at once; never never goes).
bool digest_due(Email choice, std::optional<std::int64_t> last_sent_at, std::int64_t oldest_waiting, std::int64_t now);

}  // namespace hs::conversations
