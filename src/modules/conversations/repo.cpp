#include "modules/conversations/repo.hpp"

#include "store/db.hpp"

namespace hs::conversations::repo {

namespace {

constexpr const char* kPostColumns = R"(p.id, p.conversation_id, p.space_id, p.author_id, p.opening, p.anonymous,
p.state, p.quote_of, p.body, p.content_note, p.version, p.hide_reason, p.created_at, p.updated_at)";
constexpr std::size_t kPostColumnCount = 14;

PostRow post_from(const store::Row& r, std::size_t at = 0) {
  PostRow p;
  p.id = r.i64(at + 0);
  p.conversation_id = r.i64(at + 1);
  p.space_id = r.i64(at + 2);
  p.author_id = r.opt_i64(at + 3);
  p.opening = r.i64(at + 4) != 0;
  p.anonymous = r.i64(at + 5) != 0;
  p.state = r.text(at + 6);
  p.quote_of = r.opt_i64(at + 7);
  p.body = r.text(at + 8);
  p.content_note = r.opt_text(at + 9);
  p.version = r.i64(at + 10);
  p.hide_reason = r.opt_text(at + 11);
  p.created_at = r.i64(at + 12);
  p.updated_at = r.i64(at + 13);
  return p;
}

constexpr const char* kConversationColumns = "c.id, c.space_id, c.kind, c.title, c.created_at, c.last_post_at";

ConversationRow conversation_from(const store::Row& r, std::size_t at = 0) {
  ConversationRow c;
  c.id = r.i64(at + 0);
  c.space_id = r.i64(at + 1);
  c.kind = r.text(at + 2);
  c.title = r.text(at + 3);
  c.created_at = r.i64(at + 4);
  c.last_post_at = r.i64(at + 5);
  return c;
}

std::string post_select(const char* where) {
  return std::string("SELECT ") + kPostColumns + " FROM conversation_posts p " + where;
}

}  // namespace

bool allow_anonymous(store::Conn& c, std::int64_t space_id) {
  auto r = c.one("SELECT allow_anonymous FROM conversation_settings WHERE space_id = ?", space_id);
  return r && r->i64(0) != 0;
}

void set_allow_anonymous(store::Conn& c, std::int64_t space_id, bool allow, std::int64_t now) {
  c.q(R"(INSERT INTO conversation_settings (space_id, allow_anonymous, updated_at) VALUES (?, ?, ?)
ON CONFLICT (space_id) DO UPDATE SET allow_anonymous = excluded.allow_anonymous, updated_at = excluded.updated_at)",
      space_id, allow, now);
}

std::int64_t insert_conversation(store::Conn& c, const ConversationRow& row) {
  return c
      .one(R"(INSERT INTO conversations (space_id, kind, title, created_at, last_post_at) VALUES (?, ?, ?, ?, ?)
RETURNING id)",
           row.space_id, row.kind, row.title, row.created_at, row.last_post_at)
      ->i64(0);
}

std::optional<ConversationRow> conversation(store::Conn& c, std::int64_t id) {
  auto r = c.one(std::string("SELECT ") + kConversationColumns + " FROM conversations c WHERE c.id = ?", id);
  if (!r) return std::nullopt;
  return conversation_from(*r);
}

void set_title(store::Conn& c, std::int64_t id, const std::string& title) {
  c.q("UPDATE conversations SET title = ? WHERE id = ?", title, id);
}

void touch(store::Conn& c, std::int64_t id, std::int64_t now) {
  c.q("UPDATE conversations SET last_post_at = ? WHERE id = ?", now, id);
}

std::int64_t insert_post(store::Conn& c, const PostRow& p) {
  return c
      .one(R"(INSERT INTO conversation_posts (conversation_id, space_id, author_id, opening, anonymous, state, quote_of,
  body, content_note, version, hide_reason, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)",
           p.conversation_id, p.space_id, p.author_id ? store::Value(*p.author_id) : store::Value(store::Null{}),
           p.opening, p.anonymous, p.state, p.quote_of ? store::Value(*p.quote_of) : store::Value(store::Null{}),
           p.body, p.content_note, p.version, p.hide_reason, p.created_at, p.updated_at)
      ->i64(0);
}

std::optional<PostRow> post(store::Conn& c, std::int64_t id) {
  auto r = c.one(post_select("WHERE p.id = ?"), id);
  if (!r) return std::nullopt;
  return post_from(*r);
}

std::optional<PostRow> opening_post(store::Conn& c, std::int64_t conversation_id) {
  auto r = c.one(post_select("WHERE p.conversation_id = ? AND p.opening = 1"), conversation_id);
  if (!r) return std::nullopt;
  return post_from(*r);
}

std::vector<PostRow> posts_of(store::Conn& c, std::int64_t conversation_id) {
  std::vector<PostRow> out;
  for (const auto& r : c.q(post_select("WHERE p.conversation_id = ? ORDER BY p.id"), conversation_id))
    out.push_back(post_from(r));
  return out;
}

// All three read conversation_posts_by_conversation (conversation_id, id).
std::int64_t reply_count(store::Conn& c, std::int64_t conversation_id) {
  return c.one("SELECT count(*) FROM conversation_posts WHERE conversation_id = ? AND opening = 0", conversation_id)
      ->i64(0);
}

std::int64_t replies_before(store::Conn& c, std::int64_t conversation_id, std::int64_t post_id) {
  return c
      .one("SELECT count(*) FROM conversation_posts WHERE conversation_id = ? AND opening = 0 AND id < ?",
           conversation_id, post_id)
      ->i64(0);
}

std::vector<PostRow> posts_page(store::Conn& c, std::int64_t conversation_id, std::int64_t offset,
                                std::int64_t limit) {
  std::vector<PostRow> out;
  if (auto o = opening_post(c, conversation_id)) out.push_back(*o);
  for (const auto& r : c.q(post_select("WHERE p.conversation_id = ? AND p.opening = 0 ORDER BY p.id LIMIT ? OFFSET ?"),
                           conversation_id, limit, offset))
    out.push_back(post_from(r));
  return out;
}

std::vector<Listed> listed(store::Conn& c, std::int64_t space_id, std::int64_t limit) {
  std::vector<Listed> out;
  const auto sql = std::string("SELECT ") + kConversationColumns + ", " + kPostColumns +
                   R"(, (SELECT count(*) FROM conversation_posts r WHERE r.conversation_id = c.id AND r.opening = 0
   AND r.state = 'visible')
FROM conversations c JOIN conversation_posts p ON p.conversation_id = c.id AND p.opening = 1
WHERE c.space_id = ? ORDER BY c.last_post_at DESC, c.id DESC LIMIT ?)";
  for (const auto& r : c.q(sql, space_id, limit))
    out.push_back({conversation_from(r), post_from(r, 6), r.i64(6 + kPostColumnCount)});
  return out;
}

std::vector<PostRow> posts_in_states(store::Conn& c, std::int64_t space_id, const std::vector<std::string>& states) {
  std::vector<PostRow> out;
  for (const auto& s : states)
    for (const auto& r : c.q(post_select("WHERE p.space_id = ? AND p.state = ? ORDER BY p.id"), space_id, s))
      out.push_back(post_from(r));
  return out;
}

std::set<std::int64_t> authors_in(store::Conn& c, std::int64_t conversation_id) {
  std::set<std::int64_t> out;
  for (const auto& r : c.q("SELECT DISTINCT author_id FROM conversation_posts WHERE conversation_id = ? AND author_id "
                           "IS NOT NULL",
                           conversation_id))
    out.insert(r.i64(0));
  return out;
}

void update_words(store::Conn& c, const PostRow& before, const std::optional<std::string>& title_before,
                  const std::string& body, const std::optional<std::string>& content_note, std::int64_t now) {
  c.q(R"(INSERT INTO conversation_post_versions (post_id, version, title, body, content_note, created_at)
VALUES (?, ?, ?, ?, ?, ?))",
      before.id, before.version, title_before, before.body, before.content_note, before.updated_at);
  c.q("UPDATE conversation_posts SET body = ?, content_note = ?, version = ?, updated_at = ? WHERE id = ?", body,
      content_note, before.version + 1, now, before.id);
}

std::vector<VersionRow> versions(store::Conn& c, std::int64_t post_id) {
  std::vector<VersionRow> out;
  for (const auto& r : c.q(R"(SELECT post_id, version, title, body, content_note, created_at
FROM conversation_post_versions WHERE post_id = ? ORDER BY version)",
                           post_id))
    out.push_back({r.i64(0), r.i64(1), r.opt_text(2), r.text(3), r.opt_text(4), r.i64(5)});
  return out;
}

void set_state(store::Conn& c, std::int64_t post_id, const std::string& state,
               const std::optional<std::string>& hide_reason, std::int64_t now) {
  c.q("UPDATE conversation_posts SET state = ?, hide_reason = ?, updated_at = ? WHERE id = ?", state, hide_reason, now,
      post_id);
}

void remove_words(store::Conn& c, std::int64_t post_id, std::int64_t now) {
  c.q(R"(UPDATE conversation_posts SET state = 'removed', body = '', content_note = NULL, hide_reason = NULL,
  updated_at = ? WHERE id = ?)",
      now, post_id);
  c.q("DELETE FROM conversation_post_versions WHERE post_id = ?", post_id);
  c.q("DELETE FROM conversation_reactions WHERE post_id = ?", post_id);
}

std::map<std::int64_t, std::map<std::string, std::int64_t>> reaction_counts(store::Conn& c,
                                                                            std::int64_t conversation_id) {
  std::map<std::int64_t, std::map<std::string, std::int64_t>> out;
  for (const auto& r : c.q(R"(SELECT x.post_id, x.reaction, count(*) FROM conversation_reactions x
JOIN conversation_posts p ON p.id = x.post_id WHERE p.conversation_id = ? GROUP BY x.post_id, x.reaction)",
                           conversation_id))
    out[r.i64(0)][r.text(1)] = r.i64(2);
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> reactors(store::Conn& c, std::int64_t post_id) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r :
       c.q("SELECT reaction, user_id FROM conversation_reactions WHERE post_id = ? ORDER BY created_at, user_id", post_id))
    out.emplace_back(r.text(0), r.i64(1));
  return out;
}

std::set<std::pair<std::int64_t, std::string>> reactions_by(store::Conn& c, std::int64_t conversation_id,
                                                            std::int64_t user_id) {
  std::set<std::pair<std::int64_t, std::string>> out;
  for (const auto& r : c.q(R"(SELECT x.post_id, x.reaction FROM conversation_reactions x
JOIN conversation_posts p ON p.id = x.post_id WHERE p.conversation_id = ? AND x.user_id = ?)",
                           conversation_id, user_id))
    out.emplace(r.i64(0), r.text(1));
  return out;
}

bool toggle_reaction(store::Conn& c, std::int64_t post_id, std::int64_t user_id, const std::string& reaction,
                     std::int64_t now) {
  c.q("DELETE FROM conversation_reactions WHERE post_id = ? AND user_id = ? AND reaction = ?", post_id, user_id,
      reaction);
  if (c.changes() > 0) return false;
  c.q("INSERT INTO conversation_reactions (post_id, user_id, reaction, created_at) VALUES (?, ?, ?, ?)", post_id,
      user_id, reaction, now);
  return true;
}

void insert_flag(store::Conn& c, std::int64_t post_id, std::int64_t user_id, const std::string& reason,
                 std::int64_t now) {
  c.q("INSERT INTO conversation_flags (post_id, flagged_by, reason, created_at) VALUES (?, ?, ?, ?)", post_id, user_id,
      reason, now);
}

bool flagged_by(store::Conn& c, std::int64_t post_id, std::int64_t user_id) {
  return c
      .one("SELECT 1 FROM conversation_flags WHERE post_id = ? AND flagged_by = ? AND resolved_at IS NULL", post_id,
           user_id)
      .has_value();
}

std::vector<FlagRow> open_flags(store::Conn& c, std::int64_t space_id) {
  std::vector<FlagRow> out;
  for (const auto& r : c.q(R"(SELECT f.id, f.post_id, f.reason, f.created_at FROM conversation_flags f
JOIN conversation_posts p ON p.id = f.post_id WHERE p.space_id = ? AND f.resolved_at IS NULL ORDER BY f.id)",
                           space_id))
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.i64(3)});
  return out;
}

void resolve_flags(store::Conn& c, std::int64_t post_id, std::int64_t now) {
  c.q("UPDATE conversation_flags SET resolved_at = ? WHERE post_id = ? AND resolved_at IS NULL", now, post_id);
}

std::optional<ChoicesRow> choices(store::Conn& c, std::int64_t user_id, std::int64_t space_id) {
  auto r = c.one("SELECT level, email FROM conversation_choices WHERE user_id = ? AND space_id = ?", user_id, space_id);
  if (!r) return std::nullopt;
  return ChoicesRow{r->text(0), r->text(1)};
}

std::map<std::int64_t, ChoicesRow> choices_in(store::Conn& c, std::int64_t space_id) {
  std::map<std::int64_t, ChoicesRow> out;
  for (const auto& r : c.q("SELECT user_id, level, email FROM conversation_choices WHERE space_id = ?", space_id))
    out[r.i64(0)] = ChoicesRow{r.text(1), r.text(2)};
  return out;
}

void set_choices(store::Conn& c, std::int64_t user_id, std::int64_t space_id, const ChoicesRow& row, std::int64_t now) {
  c.q(R"(INSERT INTO conversation_choices (user_id, space_id, level, email, updated_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (user_id, space_id) DO UPDATE SET level = excluded.level, email = excluded.email,
  updated_at = excluded.updated_at)",
      user_id, space_id, row.level, row.email, now);
}

std::optional<std::string> level_for(store::Conn& c, std::int64_t user_id, std::int64_t conversation_id) {
  auto r = c.one("SELECT level FROM conversation_levels WHERE user_id = ? AND conversation_id = ?", user_id,
                 conversation_id);
  if (!r) return std::nullopt;
  return r->text(0);
}

std::map<std::int64_t, std::string> levels_in(store::Conn& c, std::int64_t conversation_id) {
  std::map<std::int64_t, std::string> out;
  for (const auto& r : c.q("SELECT user_id, level FROM conversation_levels WHERE conversation_id = ?", conversation_id))
    out[r.i64(0)] = r.text(1);
  return out;
}

void set_level(store::Conn& c, std::int64_t user_id, std::int64_t conversation_id, const std::string& level,
               std::int64_t now) {
  if (level.empty()) {
    c.q("DELETE FROM conversation_levels WHERE user_id = ? AND conversation_id = ?", user_id, conversation_id);
    return;
  }
  c.q(R"(INSERT INTO conversation_levels (user_id, conversation_id, level, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (user_id, conversation_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at)",
      user_id, conversation_id, level, now);
}

std::int64_t insert_notification(store::Conn& c, const NotificationRow& n) {
  return c
      .one(R"(INSERT INTO conversation_notifications (user_id, space_id, conversation_id, post_id, reason, email,
  created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id)",
           n.user_id, n.space_id, n.conversation_id, n.post_id, n.reason, n.email, n.created_at)
      ->i64(0);
}

bool notified(store::Conn& c, std::int64_t user_id, std::int64_t post_id) {
  return c.one("SELECT 1 FROM conversation_notifications WHERE user_id = ? AND post_id = ?", user_id, post_id)
      .has_value();
}

std::vector<NotificationRow> notifications_of(store::Conn& c, std::int64_t user_id, std::int64_t limit) {
  std::vector<NotificationRow> out;
  for (const auto& r : c.q(R"(SELECT id, user_id, space_id, conversation_id, post_id, reason, email, created_at,
  read_at, emailed_at FROM conversation_notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?)",
                           user_id, limit))
    out.push_back(
        {r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.i64(4), r.text(5), r.text(6), r.i64(7), r.opt_i64(8), r.opt_i64(9)});
  return out;
}

std::int64_t unread_count(store::Conn& c, std::int64_t user_id) {
  return c.one("SELECT count(*) FROM conversation_notifications WHERE user_id = ? AND read_at IS NULL", user_id)
      ->i64(0);
}

void mark_read(store::Conn& c, std::int64_t user_id, std::int64_t now) {
  c.q("UPDATE conversation_notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", now, user_id);
}

void stop_email(store::Conn& c, std::int64_t user_id, std::int64_t space_id) {
  c.q(R"(UPDATE conversation_notifications SET email = 'never'
WHERE user_id = ? AND space_id = ? AND emailed_at IS NULL)",
      user_id, space_id);
}

void mark_emailed(store::Conn& c, std::int64_t id, std::int64_t now) {
  c.q("UPDATE conversation_notifications SET emailed_at = ? WHERE id = ?", now, id);
}

std::vector<WaitingDigest> waiting_digests(store::Conn& c) {
  std::vector<WaitingDigest> out;
  for (const auto& r : c.q(R"(SELECT n.user_id, n.space_id, COALESCE(ch.email, 'at_once'), MIN(n.created_at),
  d.last_sent_at
FROM conversation_notifications n
LEFT JOIN conversation_choices ch ON ch.user_id = n.user_id AND ch.space_id = n.space_id
LEFT JOIN conversation_digests d ON d.user_id = n.user_id AND d.space_id = n.space_id
WHERE n.emailed_at IS NULL AND n.email IN ('daily', 'weekly')
GROUP BY n.user_id, n.space_id, ch.email, d.last_sent_at
ORDER BY n.user_id, n.space_id)"))
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.i64(3), r.opt_i64(4)});
  return out;
}

std::optional<std::int64_t> last_digest(store::Conn& c, std::int64_t user_id, std::int64_t space_id) {
  auto r = c.one("SELECT last_sent_at FROM conversation_digests WHERE user_id = ? AND space_id = ?", user_id, space_id);
  if (!r) return std::nullopt;
  return r->i64(0);
}

std::vector<NotificationRow> claim_digest(store::Conn& c, std::int64_t user_id, std::int64_t space_id,
                                          std::int64_t now) {
  std::vector<NotificationRow> out;
  for (const auto& r : c.q(R"(SELECT id, user_id, space_id, conversation_id, post_id, reason, email, created_at,
  read_at, emailed_at FROM conversation_notifications
WHERE user_id = ? AND space_id = ? AND emailed_at IS NULL AND email IN ('daily', 'weekly') ORDER BY id)",
                           user_id, space_id)) {
    c.q("UPDATE conversation_notifications SET emailed_at = ? WHERE id = ? AND emailed_at IS NULL", now, r.i64(0));
    if (c.changes() != 1) continue;
    out.push_back(
        {r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.i64(4), r.text(5), r.text(6), r.i64(7), r.opt_i64(8), now});
  }
  return out;
}

void set_last_digest(store::Conn& c, std::int64_t user_id, std::int64_t space_id, std::int64_t now) {
  c.q(R"(INSERT INTO conversation_digests (user_id, space_id, last_sent_at) VALUES (?, ?, ?)
ON CONFLICT (user_id, space_id) DO UPDATE SET last_sent_at = excluded.last_sent_at)",
      user_id, space_id, now);
}

std::vector<PostRow> posts_by(store::Conn& c, std::int64_t user_id) {
  std::vector<PostRow> out;
  for (const auto& r : c.q(post_select("WHERE p.author_id = ? ORDER BY p.id"), user_id)) out.push_back(post_from(r));
  return out;
}

std::vector<ConversationRow> started_by(store::Conn& c, std::int64_t user_id) {
  std::vector<ConversationRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kConversationColumns +
                               " FROM conversations c JOIN conversation_posts p ON p.conversation_id = c.id AND "
                               "p.opening = 1 WHERE p.author_id = ? ORDER BY c.id",
                           user_id))
    out.push_back(conversation_from(r));
  return out;
}

void erase_person(store::Conn& c, std::int64_t user_id) {
  // The conversations they started keep others' replies, under no title of theirs.
  c.q(R"(UPDATE conversations SET title = '' WHERE id IN (
  SELECT conversation_id FROM conversation_posts WHERE author_id = ? AND opening = 1))",
      user_id);
  c.q(R"(DELETE FROM conversation_post_versions WHERE post_id IN (
  SELECT id FROM conversation_posts WHERE author_id = ?))",
      user_id);
  c.q(R"(DELETE FROM conversation_reactions WHERE post_id IN (
  SELECT id FROM conversation_posts WHERE author_id = ?))",
      user_id);
  c.q(R"(UPDATE conversation_posts SET state = 'removed', body = '', content_note = NULL, hide_reason = NULL,
  author_id = NULL WHERE author_id = ?)",
      user_id);
  c.q("DELETE FROM conversation_reactions WHERE user_id = ?", user_id);
  c.q("UPDATE conversation_flags SET flagged_by = NULL WHERE flagged_by = ?", user_id);
  c.q("DELETE FROM conversation_choices WHERE user_id = ?", user_id);
  c.q("DELETE FROM conversation_levels WHERE user_id = ?", user_id);
  c.q("DELETE FROM conversation_notifications WHERE user_id = ?", user_id);
  c.q("DELETE FROM conversation_digests WHERE user_id = ?", user_id);
}

std::int64_t count_conversations(store::Conn& c) { return c.one("SELECT count(*) FROM conversations")->i64(0); }
std::int64_t count_posts(store::Conn& c) { return c.one("SELECT count(*) FROM conversation_posts")->i64(0); }

}  // namespace hs::conversations::repo
