#pragma once
// The conversations use cases, one a file: each checks the permission against the
// person's role as the store has it now, applies the rules, saves, and records any
// moderation in the space's decision log in the same transaction; email goes after commit.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/conversations/permissions.hpp"
#include "modules/conversations/repo.hpp"
#include "modules/conversations/rules/moderation.hpp"
#include "modules/conversations/rules/notify.hpp"
#include "modules/conversations/rules/post.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::conversations::commands {

// --- writing (write.cpp)
Result<std::int64_t> start(Services& app, std::int64_t space_id, std::int64_t user_id, const PostInput& in);
// A reply, quoting another post of the conversation when quote_of is set.
Result<std::int64_t> reply(Services& app, std::int64_t conversation_id, std::int64_t user_id, const PostInput& in,
                           std::optional<std::int64_t> quote_of);
Result<void> edit(Services& app, std::int64_t post_id, std::int64_t user_id, const PostInput& in);
Result<void> remove(Services& app, std::int64_t post_id, std::int64_t user_id);
// Gives the reaction, or takes it back.
Result<void> react(Services& app, std::int64_t post_id, std::int64_t user_id, const std::string& reaction);
// Who gave each reaction to a post, by name (oldest first), for a reader who opens the list.
// Refused as reading the post is.
Result<std::map<std::string, std::vector<std::string>>> who_reacted(Services& app, std::int64_t post_id,
                                                                    std::int64_t user_id);
Result<void> flag(Services& app, std::int64_t post_id, std::int64_t user_id, const std::string& reason);

// --- moderation (moderate.cpp): approve, hide (with a reason), restore, keep_hidden by a
// facilitator; ask_review by the author.
Result<void> moderate(Services& app, std::int64_t post_id, std::int64_t user_id, Act act, const std::string& reason);
Result<void> set_allow_anonymous(Services& app, std::int64_t space_id, std::int64_t user_id, bool allow);

// --- reading (queries.cpp)
struct ShownPost {
  repo::PostRow row;
  permissions::PostFacts facts;
  Shown shown = Shown::nothing;
  bool is_author = false;
  std::optional<std::string> author;  // the name, when this reader may see who wrote it
  std::map<std::string, std::int64_t> reactions;
  std::set<std::string> mine;             // the reactions this reader gave
  std::vector<repo::VersionRow> earlier;  // when this reader may read the words
  std::int64_t open_flags = 0;            // for facilitators
};
struct Thread {
  repo::ConversationRow conversation;
  permissions::Reader reader;    // of the opening post (is_author: they started it)
  std::vector<ShownPost> posts;  // the opening post first; what this reader may not see left out
  bool allow_anonymous = false;
  std::string level;  // this reader's own level for the conversation, "" for the space's
  std::int64_t page = 1, pages = 1;  // of replies, with a window
};
// The conversation as this person sees it: not_found when it is not the space's, or the
// person may not see its opening post. With a window, the opening post and one page of
// replies (kRepliesPerPage, oldest first): page (from 1), or the page holding post_id;
// without one, every post.
inline constexpr std::int64_t kRepliesPerPage = 100;
struct Window {
  std::int64_t page = 0, post_id = 0;
};
Result<Thread> thread(Services& app, std::int64_t space_id, std::int64_t conversation_id, std::int64_t user_id,
                      Window window = {});
struct ListItem {
  repo::ConversationRow conversation;
  ShownPost opening;
  std::int64_t replies = 0;
};
std::vector<ListItem> list(Services& app, std::int64_t space_id, std::int64_t user_id);
bool allow_anonymous(Services& app, std::int64_t space_id);
// The facilitators' queue: posts waiting for approval, asking for review, or flagged.
struct QueueItem {
  ShownPost post;
  std::string conversation_title;
  std::vector<repo::FlagRow> flags;
};
std::vector<QueueItem> queue(Services& app, std::int64_t space_id, std::int64_t user_id);
// Who a reader is in the space now (0: signed out).
permissions::Reader reader_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id,
                              const std::optional<std::int64_t>& author_id);

// --- notifications (notify.cpp)
// Tells the people the rules say of a post that has just become visible, inside the
// caller's transaction; returns the notifications to email at once (after commit).
std::vector<std::int64_t> notify_post(Services& app, store::Conn& c, const repo::PostRow& post);
// Emails each of them (after commit); a failure is logged, never undoes anything.
void email_now(Services& app, const std::vector<std::int64_t>& notification_ids);
// Sends each person whose daily or weekly digest of a space is due one email with what
// waits for it (rules/notify.hpp says when); returns how many went.
int send_digests(Services& app);
struct NotificationItem {
  repo::NotificationRow row;
  std::string space_slug, space_name, conversation_title;
  bool title_hidden = false;  // the opening post is hidden from this person now
};
std::vector<NotificationItem> notifications(Services& app, std::int64_t user_id);
std::int64_t unread(Services& app, std::int64_t user_id);
void mark_read(Services& app, std::int64_t user_id);
// The person's choices for the space (defaults when they made none).
repo::ChoicesRow choices(Services& app, std::int64_t space_id, std::int64_t user_id);
Result<void> set_choices(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& level,
                         const std::string& email);
Result<void> set_level(Services& app, std::int64_t conversation_id, std::int64_t user_id, const std::string& level);
// The one-click unsubscribe token in each email: it stops email from that one space for
// that one person (their email choice there becomes "never") and nothing else.
std::string unsubscribe_token(const Services& app, std::int64_t space_id, std::int64_t user_id);
struct Unsubscribed {
  std::int64_t space_id = 0, user_id = 0;
};
std::optional<Unsubscribed> read_unsubscribe_token(const Services& app, const std::string& token);
Result<void> unsubscribe(Services& app, const std::string& token);

// --- the person's data (person.cpp)
void erase_person(store::Conn& c, std::int64_t user_id);
std::string export_person(Services& app, store::Conn& c, std::int64_t user_id);

}  // namespace hs::conversations::commands
