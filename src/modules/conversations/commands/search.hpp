#pragma once
// Searching a space's conversations and replies, as stories are searched (migration 0044):
// words stemmed in C++ (text/search.hpp) in the space's language, matched by SQLite's FTS5
// or PostgreSQL's text search. Only posts showing to the space's members are indexed, so a
// waiting (anonymous), hidden or removed post is never found; each result is checked
// against the reader's permissions again, and another space's posts are never asked for.
//
// The hook for other sources (the resource library): add_search_source. Their results
// follow the conversations' on the first page, in the source's own order.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}
namespace hs::text {
class Stemmer;
}

namespace hs::conversations::commands {

inline constexpr int kSearchPageSize = 20;
// 10 pages: ranking 500 matches rather than 200 cost SQLite's bm25 a few ms more a search
// for a common word (bench/conversations).
inline constexpr int kSearchPagesMax = 10;
// Only the newest kSearchWindow matches are ranked (as stories: a common word costs the
// window, not every post that holds it); the pages never reach past it.
inline constexpr int kSearchWindow = kSearchPageSize * kSearchPagesMax;
inline constexpr std::size_t kSearchWordsMax = 200;

// A stretch of a snippet: words as written, and whether they matched.
struct Segment {
  std::string text;
  bool match = false;
};
struct SearchFound {
  std::string source = "conversations";  // or another source's name
  std::int64_t conversation_id = 0, post_id = 0;
  bool opening = false;
  std::string kind, title;  // title "" when the reader may not read it (the page says why)
  bool title_hidden = false;
  std::string path;  // another source's: its page, from the site's root
  std::int64_t created_at = 0;
  std::vector<Segment> snippet;
};
struct SearchResults {
  bool searched = false;  // there were words to search for
  std::vector<SearchFound> found;
  bool more = false;
  int page = 1;
};
// not searched when the reader may not read the space's conversations.
SearchResults search(Services& app, std::int64_t space_id, std::int64_t user_id, std::string_view words, int page);

// Other sources of results in a space (terms: the query's stems, as text::search_terms).
struct SearchSource {
  std::string name;
  std::function<std::vector<SearchFound>(Services& app, std::int64_t space_id, std::int64_t user_id,
                                   const std::vector<std::string>& terms, int limit)>
      find;
};
void add_search_source(Services& app, SearchSource source);

// Keeps the post's search words in step with it (inside the caller's transaction): its
// words when it shows to members, no row otherwise.
void index_post(store::Conn& c, std::int64_t post_id);
// Posts that show but have no row yet (from before migration 0044, or made straight in the
// database by a benchmark), in batches; how many were indexed.
std::int64_t index_unindexed(Services& app);
// The words around the first of the terms in the text (about kSnippetWords of them), each
// matching word marked; the start of the text when none matches.
inline constexpr std::size_t kSnippetWords = 30;
std::vector<Segment> snippet(std::string_view text, const std::vector<std::string>& terms, text::Stemmer& stemmer);
// Erasure: the search rows of the person's posts (before they are removed).
void erase_search_of(store::Conn& c, std::int64_t user_id);

}  // namespace hs::conversations::commands
