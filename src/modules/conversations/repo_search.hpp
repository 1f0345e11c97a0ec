#pragma once
// The SQL of searching conversations (migration 0044): the conversations module's own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs::store {
class Conn;
}

namespace hs::conversations::repo {

void set_search_words(store::Conn& c, std::int64_t post_id, std::int64_t conversation_id, std::int64_t space_id,
                      const std::string& language, const std::string& words);
void remove_search_words(store::Conn& c, std::int64_t post_id);
void remove_search_words_of(store::Conn& c, std::int64_t user_id);

// What a post's search row is made from.
struct PostWords {
  std::int64_t post_id = 0, conversation_id = 0, space_id = 0;
  std::string state;
  std::optional<std::string> title;  // the opening post's
  std::string body;
  std::optional<std::string> content_note;
};
std::optional<PostWords> post_words(store::Conn& c, std::int64_t post_id);
// The newest post with a search row (0 for none).
std::int64_t newest_indexed(store::Conn& c);
// Visible posts after after_id without a search row, oldest first (the caller passes the
// last id of the batch before: each batch reads on from there, not from the first post).
std::vector<PostWords> unindexed_posts(store::Conn& c, std::int64_t after_id, std::int64_t limit);

struct SearchHit {
  std::int64_t post_id = 0;
  double rank = 0;
};
// The best of the newest `window` posts of the space holding every term (stems), best
// first, then newest: `limit` of them from `offset`.
std::vector<SearchHit> search_posts(store::Conn& c, std::int64_t space_id, const std::vector<std::string>& terms,
                                    int window, int limit, int offset);

// A page of results: each post with its conversation (ids in any order).
struct HitRow {
  std::int64_t post_id = 0, conversation_id = 0, space_id = 0;
  std::optional<std::int64_t> author_id;
  bool opening = false, anonymous = false;
  std::string state, body;
  std::optional<std::string> content_note;
  std::int64_t created_at = 0;
  std::string kind, title;
  std::optional<std::int64_t> opening_author_id;
  std::string opening_state;
  bool opening_anonymous = false;
};
std::vector<HitRow> hit_rows(store::Conn& c, const std::vector<std::int64_t>& post_ids);

}  // namespace hs::conversations::repo
