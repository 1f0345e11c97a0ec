#pragma once
// Conversations: the space's members talk between events and decisions — sharing
// learning, challenges, ideas and questions. A member starts a conversation (a kind, a
// title, words in the space's Markdown subset, an optional content note shown first),
// others reply, quote, react (counts only) and @mention each other. Where the space
// allows, a member posts anonymously: a facilitator approves the post before it shows and
// never learns who wrote it. Anyone flags a post with a reason; facilitators hide it with
// a reason its author sees, and the author may ask for a review; each step is in the
// space's decision log. Each person chooses what they hear of, per space and per
// conversation (watch, normal, mute: mute wins), in the app and by email.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/conversations/commands/search.hpp"
#include "services/fwd.hpp"

namespace hs::web {
class App;
}

namespace hs::conversations {

// Routes under /spaces/{slug}/conversations (the list, new, notifications, settings,
// moderation, {id}, {id}/replies, {id}/level, {id}/posts/{pid}/edit|remove|react|flag|
// moderate), /notifications, and /conversations/unsubscribe. Also erasure and "download
// my data".
void register_module(web::App& app);

// For the demo seed, with the same permission checks as the pages. kind: learning |
// challenge | idea | question. Returns the conversation's id, or the reply's post id.
struct NewConversation {
  std::string kind, title, body, content_note;
};
Result<std::int64_t> start_conversation(Services& app, std::int64_t space_id, std::int64_t user_id,
                                        const NewConversation& c);
Result<std::int64_t> reply(Services& app, std::int64_t conversation_id, std::int64_t user_id, const std::string& body);
// A person's notification choices for a space: level watch | normal | mute; email
// at_once | daily | weekly | never.
Result<void> choose_notifications(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& level,
                                  const std::string& email);

// Daily and weekly digests that are due, each person's for each space in one email; run by
// the periodic sweep of `humanspace serve` and by `humanspace remind`. Returns how many went.
int send_digests(Services& app);

// For the demo seed, with the same checks as the page: links the conversation to the
// space's event, decision, story or action (kind: event | decision | story | action).
Result<void> link_conversation(Services& app, std::int64_t space_id, std::int64_t conversation_id,
                               std::int64_t user_id, const std::string& kind, std::int64_t item_id);

// The space's conversations whose opening words this person may read now, most recently
// active first: for other modules to name one (the library's "the conversation it came
// from"). Nothing for someone who is not a member.
struct ConversationRef {
  std::int64_t id = 0;
  std::string title;
};
std::vector<ConversationRef> readable_conversations(Services& app, std::int64_t space_id, std::int64_t user_id);
// People who can connect (commands/people.hpp), for the demo seed with the same checks as
// the pages: a member opts in to the space's directory (areas one a line), writes to
// someone listed, and the recipient answers (which shares both addresses).
struct DirectoryInput {
  std::string name, pronouns, ask_me_about, areas;
};
Result<void> join_directory(Services& app, std::int64_t space_id, std::int64_t user_id, const DirectoryInput& in);
Result<std::int64_t> get_in_touch(Services& app, std::int64_t space_id, std::int64_t from_id, std::int64_t to_id,
                                  const std::string& body);
Result<void> answer_message(Services& app, std::int64_t space_id, std::int64_t message_id, std::int64_t user_id,
                            const std::string& body);

// How many conversations and posts there are (for the start-up summary).
struct Totals {
  std::int64_t conversations = 0, posts = 0;
};
Totals totals(Services& app);

// The space's search (commands/search.hpp): other modules add their own results (the
// library's resources), and mark their snippets as the conversations' are marked.
using commands::add_search_source;
using commands::SearchFound;
using commands::SearchSource;
using commands::Segment;
inline std::vector<Segment> search_snippet(std::string_view text, const std::vector<std::string>& terms,
                                           text::Stemmer& stemmer) {
  return commands::snippet(text, terms, stemmer);
}

}  // namespace hs::conversations
