#pragma once
// Who may do what with conversations: deny-by-default pure predicates over the spaces
// module's view of the person (their role in the space) and a post's facts. Conversations
// are the space's members' own: partners, people signed in without a role and the
// signed-out see none of them, whatever the space's visibility.
#include "modules/conversations/rules/moderation.hpp"
#include "modules/spaces/module.hpp"

namespace hs::conversations::permissions {

struct Reader {
  spaces::Subject subject;
  bool is_author = false;  // wrote the post (only ever true when signed in)
};
struct PostFacts {
  State state = State::removed;
  bool anonymous = false;
};

// See the space's conversations, start one, reply, choose one's notifications.
bool view_conversations(const spaces::Subject& s);
bool start_conversation(const spaces::Subject& s);
// Post without one's name, where the space allows it (moderated before it shows).
bool post_anonymously(const spaces::Subject& s, bool space_allows);
// See a post at all (its words, or the notice that it was hidden or removed): readers of
// the space's conversations, but a pending post only its author and the facilitators.
bool read_post(const Reader& r, const PostFacts& f);
// Read its words (not only a notice).
bool read_words(const Reader& r, const PostFacts& f);
// Reply in a conversation whose opening post is visible.
bool reply(const Reader& r, const PostFacts& opening);
// The author changes their words (history kept) or removes the post.
bool edit_post(const Reader& r, const PostFacts& f);
bool remove_post(const Reader& r, const PostFacts& f);
// React to or flag someone else's visible post.
bool react(const Reader& r, const PostFacts& f);
bool flag(const Reader& r, const PostFacts& f);
// Facilitators approve, hide, restore or keep hidden; they see flags and the queue.
bool moderate(const spaces::Subject& s);
// The author of a hidden post asks a facilitator to look again.
bool ask_review(const Reader& r, const PostFacts& f);
// Who wrote the post: shown unless it is anonymous, when only its author knows (never the
// facilitators: they moderate the words, not the person).
bool see_author(const Reader& r, const PostFacts& f);
// Whether members may post anonymously here: facilitators and stewards decide.
bool manage_settings(const spaces::Subject& s);

}  // namespace hs::conversations::permissions
