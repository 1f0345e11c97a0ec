#pragma once
// The conversations module's SQL (migration 0036), and nothing else's.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace hs::store {
class Conn;
}

namespace hs::conversations::repo {

struct ConversationRow {
  std::int64_t id = 0, space_id = 0;
  std::string kind, title;
  std::int64_t created_at = 0, last_post_at = 0;
};

struct PostRow {
  std::int64_t id = 0, conversation_id = 0, space_id = 0;
  std::optional<std::int64_t> author_id;
  bool opening = false, anonymous = false;
  std::string state;
  std::optional<std::int64_t> quote_of;
  std::string body;
  std::optional<std::string> content_note;
  std::int64_t version = 1;
  std::optional<std::string> hide_reason;
  std::int64_t created_at = 0, updated_at = 0;
};

struct VersionRow {
  std::int64_t post_id = 0, version = 0;
  std::optional<std::string> title;
  std::string body;
  std::optional<std::string> content_note;
  std::int64_t created_at = 0;
};

// --- settings
bool allow_anonymous(store::Conn& c, std::int64_t space_id);
void set_allow_anonymous(store::Conn& c, std::int64_t space_id, bool allow, std::int64_t now);

// --- conversations and posts
std::int64_t insert_conversation(store::Conn& c, const ConversationRow& row);
std::optional<ConversationRow> conversation(store::Conn& c, std::int64_t id);
void set_title(store::Conn& c, std::int64_t id, const std::string& title);
void touch(store::Conn& c, std::int64_t id, std::int64_t now);
std::int64_t insert_post(store::Conn& c, const PostRow& row);
std::optional<PostRow> post(store::Conn& c, std::int64_t id);
std::optional<PostRow> opening_post(store::Conn& c, std::int64_t conversation_id);
// Oldest first.
std::vector<PostRow> posts_of(store::Conn& c, std::int64_t conversation_id);
// A long conversation's replies in pages: how many replies it holds (in any state), how
// many are older than the post, and the opening post then `limit` replies from `offset`.
std::int64_t reply_count(store::Conn& c, std::int64_t conversation_id);
std::int64_t replies_before(store::Conn& c, std::int64_t conversation_id, std::int64_t post_id);
std::vector<PostRow> posts_page(store::Conn& c, std::int64_t conversation_id, std::int64_t offset,
                                std::int64_t limit);
// A space's conversations with their opening posts and how many replies are visible,
// the most recently active first.
struct Listed {
  ConversationRow conversation;
  PostRow opening;
  std::int64_t replies = 0;
};
std::vector<Listed> listed(store::Conn& c, std::int64_t space_id, std::int64_t limit);
// Posts of the space in one of these states (the facilitators' queue), oldest first.
std::vector<PostRow> posts_in_states(store::Conn& c, std::int64_t space_id, const std::vector<std::string>& states);
// The people who wrote a post in the conversation (for "took part").
std::set<std::int64_t> authors_in(store::Conn& c, std::int64_t conversation_id);

// Keeps the words as they were (a version row), then writes the new ones.
void update_words(store::Conn& c, const PostRow& before, const std::optional<std::string>& title_before,
                  const std::string& body, const std::optional<std::string>& content_note, std::int64_t now);
std::vector<VersionRow> versions(store::Conn& c, std::int64_t post_id);
void set_state(store::Conn& c, std::int64_t post_id, const std::string& state,
               const std::optional<std::string>& hide_reason, std::int64_t now);
// Removed by its author: the words and every earlier version go.
void remove_words(store::Conn& c, std::int64_t post_id, std::int64_t now);

// --- reactions: counts by post and reaction, and which of them this person gave
std::map<std::int64_t, std::map<std::string, std::int64_t>> reaction_counts(store::Conn& c,
                                                                            std::int64_t conversation_id);
std::set<std::pair<std::int64_t, std::string>> reactions_by(store::Conn& c, std::int64_t conversation_id,
                                                            std::int64_t user_id);
// Who gave each reaction to a post: (reaction, user id), oldest first.
std::vector<std::pair<std::string, std::int64_t>> reactors(store::Conn& c, std::int64_t post_id);
// Adds the reaction, or takes it back when they had given it; true when added.
bool toggle_reaction(store::Conn& c, std::int64_t post_id, std::int64_t user_id, const std::string& reaction,
                     std::int64_t now);

// --- flags
struct FlagRow {
  std::int64_t id = 0, post_id = 0;
  std::string reason;
  std::int64_t created_at = 0;
};
void insert_flag(store::Conn& c, std::int64_t post_id, std::int64_t user_id, const std::string& reason,
                 std::int64_t now);
bool flagged_by(store::Conn& c, std::int64_t post_id, std::int64_t user_id);
// Open flags of the space's posts, oldest first.
std::vector<FlagRow> open_flags(store::Conn& c, std::int64_t space_id);
void resolve_flags(store::Conn& c, std::int64_t post_id, std::int64_t now);

// --- notification choices
struct ChoicesRow {
  std::string level = "normal", email = "at_once";
};
std::optional<ChoicesRow> choices(store::Conn& c, std::int64_t user_id, std::int64_t space_id);
// Every member's choices in the space that has any (by account).
std::map<std::int64_t, ChoicesRow> choices_in(store::Conn& c, std::int64_t space_id);
void set_choices(store::Conn& c, std::int64_t user_id, std::int64_t space_id, const ChoicesRow& row, std::int64_t now);
std::optional<std::string> level_for(store::Conn& c, std::int64_t user_id, std::int64_t conversation_id);
std::map<std::int64_t, std::string> levels_in(store::Conn& c, std::int64_t conversation_id);
// An empty level removes the conversation's own (the space's applies).
void set_level(store::Conn& c, std::int64_t user_id, std::int64_t conversation_id, const std::string& level,
               std::int64_t now);

// --- notifications
struct NotificationRow {
  std::int64_t id = 0, user_id = 0, space_id = 0, conversation_id = 0, post_id = 0;
  std::string reason, email;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> read_at, emailed_at;
};
std::int64_t insert_notification(store::Conn& c, const NotificationRow& row);
bool notified(store::Conn& c, std::int64_t user_id, std::int64_t post_id);
std::vector<NotificationRow> notifications_of(store::Conn& c, std::int64_t user_id, std::int64_t limit);
std::int64_t unread_count(store::Conn& c, std::int64_t user_id);
void mark_read(store::Conn& c, std::int64_t user_id, std::int64_t now);
// Nothing waiting to be emailed to the person from the space goes out.
void stop_email(store::Conn& c, std::int64_t user_id, std::int64_t space_id);
void mark_emailed(store::Conn& c, std::int64_t id, std::int64_t now);

// --- digests (migration 0037)
// Each person and space with notifications waiting for a daily or weekly digest: their
// email choice now (at_once when they made none), the oldest waiting, the last digest.
struct WaitingDigest {
  std::int64_t user_id = 0, space_id = 0;
  std::string choice;
  std::int64_t oldest = 0;
  std::optional<std::int64_t> last_sent_at;
};
std::vector<WaitingDigest> waiting_digests(store::Conn& c);
std::optional<std::int64_t> last_digest(store::Conn& c, std::int64_t user_id, std::int64_t space_id);
// Marks what waits for the person's digest of the space as emailed and returns it (only
// what this transaction claimed: two servers sweeping at once send it once).
std::vector<NotificationRow> claim_digest(store::Conn& c, std::int64_t user_id, std::int64_t space_id,
                                          std::int64_t now);
void set_last_digest(store::Conn& c, std::int64_t user_id, std::int64_t space_id, std::int64_t now);

// --- erasure and export
std::vector<PostRow> posts_by(store::Conn& c, std::int64_t user_id);
std::vector<ConversationRow> started_by(store::Conn& c, std::int64_t user_id);
void erase_person(store::Conn& c, std::int64_t user_id);
std::int64_t count_conversations(store::Conn& c);
std::int64_t count_posts(store::Conn& c);

}  // namespace hs::conversations::repo
