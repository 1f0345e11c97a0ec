#include "modules/conversations/repo_search.hpp"

#include <algorithm>
#include <stdexcept>

#include "store/db.hpp"
#include "store/id_list.hpp"

namespace hs::conversations::repo {

namespace {

constexpr const char* kSetWords = R"(
INSERT INTO conversation_search (post_id, conversation_id, space_id, language, words) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (post_id) DO UPDATE SET conversation_id = excluded.conversation_id, space_id = excluded.space_id,
  language = excluded.language, words = excluded.words)";

constexpr const char* kPostWordsColumns = R"(SELECT p.id, p.conversation_id, p.space_id, p.state,
  CASE WHEN p.opening = 1 THEN c.title END, p.body, p.content_note
FROM conversation_posts p JOIN conversations c ON c.id = p.conversation_id)";

// A rank as the engine wrote it ("" or junk reads as 0).
double real(const store::Row& r, std::size_t i) {
  try {
    return r.is_null(i) ? 0.0 : std::stod(r.text(i));
  } catch (const std::exception&) {
    return 0.0;
  }
}

PostWords words_from(const store::Row& r) {
  return {r.i64(0), r.i64(1), r.i64(2), r.text(3), r.opt_text(4), r.text(5), r.opt_text(6)};
}

// SQLite: FTS5 walks its matches newest first (rowid DESC) without sorting and stops after
// the window; bm25 (lower is better) runs on those only.
constexpr const char* kSqliteSearch = R"(
WITH recent AS MATERIALIZED (
SELECT f.rowid AS post_id, -bm25(conversation_search_fts) AS rank
FROM conversation_search_fts f JOIN conversation_search x ON x.post_id = f.rowid
WHERE conversation_search_fts MATCH ? AND x.space_id = ?
ORDER BY f.rowid DESC LIMIT ?)
SELECT post_id, rank FROM recent ORDER BY rank DESC, post_id DESC LIMIT ? OFFSET ?)";

// PostgreSQL, in two steps (search_posts): first the space's newest kWalk posts, read
// newest first from conversation_search_by_space and each tested; a common word fills the
// window there. Otherwise the GIN index gives the older matches of the space (its lexeme
// "#<space id>" is in every row's tokens), newest first. `post_id + 0` keeps the planner
// from walking the primary key instead of asking the GIN index.
constexpr int kWalk = 4000;
constexpr const char* kPostgresWalk = R"(
SELECT w.post_id, ts_rank(w.tokens, q.words)
FROM (SELECT post_id, tokens FROM conversation_search WHERE space_id = ? ORDER BY space_id DESC, post_id DESC
  LIMIT ?) w, (SELECT plainto_tsquery('simple', ?) AS words) q
WHERE w.tokens @@ q.words
ORDER BY w.post_id DESC LIMIT ?)";
constexpr const char* kPostgresEdge = R"(
SELECT post_id FROM conversation_search WHERE space_id = ? ORDER BY space_id DESC, post_id DESC LIMIT 1 OFFSET ?)";
// The ids alone: ranking every older match before keeping the newest (thousands for words
// that are each common but rarely meet) read and ranked each one's tokens; only those kept
// are ranked (kPostgresRank).
constexpr const char* kPostgresOlder = R"(
SELECT x.post_id
FROM conversation_search x, (SELECT plainto_tsquery('simple', ?) AS words, ?::tsquery AS space) q
WHERE x.tokens @@ (q.words && q.space) AND x.post_id + 0 < ?
ORDER BY x.post_id DESC LIMIT ?)";
constexpr const char* kPostgresRank = R"(
SELECT x.post_id, ts_rank(x.tokens, plainto_tsquery('simple', ?)) FROM conversation_search x WHERE x.post_id IN )";

}  // namespace

void set_search_words(store::Conn& c, std::int64_t post_id, std::int64_t conversation_id, std::int64_t space_id,
                      const std::string& language, const std::string& words) {
  c.q(kSetWords, post_id, conversation_id, space_id, language, words);
}

void remove_search_words(store::Conn& c, std::int64_t post_id) {
  c.q("DELETE FROM conversation_search WHERE post_id = ?", post_id);
}

void remove_search_words_of(store::Conn& c, std::int64_t user_id) {
  c.q("DELETE FROM conversation_search WHERE post_id IN (SELECT id FROM conversation_posts WHERE author_id = ?)",
      user_id);
}

std::optional<PostWords> post_words(store::Conn& c, std::int64_t post_id) {
  auto r = c.one(std::string(kPostWordsColumns) + " WHERE p.id = ?", post_id);
  if (!r) return std::nullopt;
  return words_from(*r);
}

std::int64_t newest_indexed(store::Conn& c) {
  return c.one("SELECT COALESCE(MAX(post_id), 0) FROM conversation_search")->i64(0);
}

std::vector<PostWords> unindexed_posts(store::Conn& c, std::int64_t after_id, std::int64_t limit) {
  std::vector<PostWords> out;
  for (const auto& r : c.q(std::string(kPostWordsColumns) + R"(
WHERE p.id > ? AND p.state = 'visible' AND NOT EXISTS (SELECT 1 FROM conversation_search x WHERE x.post_id = p.id)
ORDER BY p.id LIMIT ?)",
                           after_id, limit))
    out.push_back(words_from(r));
  return out;
}

std::vector<SearchHit> search_posts(store::Conn& c, std::int64_t space_id, const std::vector<std::string>& terms,
                                    int window, int limit, int offset) {
  std::vector<SearchHit> out;
  if (terms.empty()) return out;
  if (c.engine() == store::Engine::sqlite) {
    // Each term a quoted FTS5 string (terms hold only letters and digits), ANDed.
    std::string match;
    for (const auto& t : terms) match += (match.empty() ? "\"" : " \"") + t + "\"";
    for (const auto& r : c.q(kSqliteSearch, match, space_id, window, limit, offset))
      out.push_back({r.i64(0), real(r, 1)});
    return out;
  }
  std::string words;
  for (const auto& t : terms) words += (words.empty() ? "" : " ") + t;
  std::vector<SearchHit> recent;
  for (const auto& r : c.q(kPostgresWalk, space_id, kWalk, words, window)) recent.push_back({r.i64(0), real(r, 1)});
  if (static_cast<int>(recent.size()) < window) {
    // Older than the walk, when the space holds more posts than it read.
    if (auto edge = c.one(kPostgresEdge, space_id, kWalk - 1)) {
      const auto space = "'#" + std::to_string(space_id) + "'";
      std::vector<std::int64_t> older;
      for (const auto& r : c.q(kPostgresOlder, words, space, edge->i64(0),
                               static_cast<std::int64_t>(window - static_cast<int>(recent.size()))))
        older.push_back(r.i64(0));
      store::for_id_slices(older, {words}, [&](const std::string& in, const std::vector<store::Value>& args) {
        for (const auto& r : c.query(std::string(kPostgresRank) + in, args)) recent.push_back({r.i64(0), real(r, 1)});
      });
    }
  }
  std::stable_sort(recent.begin(), recent.end(), [](const SearchHit& a, const SearchHit& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.post_id > b.post_id;
  });
  for (int i = offset; i < static_cast<int>(recent.size()) && i < offset + limit; ++i) out.push_back(recent[i]);
  return out;
}

std::vector<HitRow> hit_rows(store::Conn& c, const std::vector<std::int64_t>& post_ids) {
  std::vector<HitRow> out;
  store::for_id_slices(post_ids, {}, [&](const std::string& in, const std::vector<store::Value>& args) {
    for (const auto& r : c.query(R"(SELECT p.id, p.conversation_id, p.space_id, p.author_id, p.opening, p.anonymous,
  p.state, p.body, p.content_note, p.created_at, c.kind, c.title, o.author_id, o.state, o.anonymous
FROM conversation_posts p JOIN conversations c ON c.id = p.conversation_id
JOIN conversation_posts o ON o.conversation_id = p.conversation_id AND o.opening = 1
WHERE p.id IN )" + in,
                                 args)) {
      HitRow h;
      h.post_id = r.i64(0);
      h.conversation_id = r.i64(1);
      h.space_id = r.i64(2);
      h.author_id = r.opt_i64(3);
      h.opening = r.i64(4) != 0;
      h.anonymous = r.i64(5) != 0;
      h.state = r.text(6);
      h.body = r.text(7);
      h.content_note = r.opt_text(8);
      h.created_at = r.i64(9);
      h.kind = r.text(10);
      h.title = r.text(11);
      h.opening_author_id = r.opt_i64(12);
      h.opening_state = r.text(13);
      h.opening_anonymous = r.i64(14) != 0;
      out.push_back(std::move(h));
    }
  });
  return out;
}

}  // namespace hs::conversations::repo
