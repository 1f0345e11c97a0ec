// Searching conversations and replies (commands/search.hpp).
#include "modules/conversations/commands/search.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/text.hpp"
#include "modules/conversations/commands/support.hpp"
#include "modules/conversations/repo_search.hpp"
#include "store/db.hpp"
#include "text/search.hpp"

namespace hs::conversations::commands {

namespace {

constexpr std::int64_t kIndexBatch = 500;

// Every space is English for now, as for stories (stories::commands::search_language).
std::string search_language(store::Conn&, std::int64_t) { return "en"; }

// One stemmer per language per thread (a Snowball stemmer is not thread-safe).
text::Stemmer& stemmer_for(const std::string& language) {
  thread_local std::map<std::string, text::Stemmer> stemmers;
  auto it = stemmers.find(language);
  if (it == stemmers.end()) {
    auto made = text::Stemmer::make(language);
    it = stemmers.emplace(language, made ? std::move(*made) : text::Stemmer::english()).first;
  }
  return it->second;
}

std::string stemmed(const repo::PostWords& w, text::Stemmer& stemmer) {
  std::string words;
  auto add = [&](std::string_view t) {
    auto s = text::search_words(t, stemmer);
    if (s.empty()) return;
    if (!words.empty()) words += ' ';
    words += s;
  };
  if (w.title) add(*w.title);
  add(w.body);
  if (w.content_note) add(*w.content_note);
  return words;
}

void index_words(store::Conn& c, const repo::PostWords& w) {
  if (w.state != "visible") {
    repo::remove_search_words(c, w.post_id);
    return;
  }
  const auto language = search_language(c, w.space_id);
  repo::set_search_words(c, w.post_id, w.conversation_id, w.space_id, language, stemmed(w, stemmer_for(language)));
}

// The first max bytes of s, cut at a character boundary.
std::string_view prefix_utf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

struct Sources {
  std::vector<SearchSource> all;
};

}  // namespace

void add_search_source(Services& app, SearchSource source) { app.kept<Sources>().all.push_back(std::move(source)); }

void index_post(store::Conn& c, std::int64_t post_id) {
  if (auto w = repo::post_words(c, post_id)) index_words(c, *w);
  else repo::remove_search_words(c, post_id);
}

std::int64_t index_unindexed(Services& app) {
  // Every post that shows is indexed in the transaction that shows it, and this indexes
  // in id order: what waits is after the newest row (a start with nothing to index read
  // every post of 520,000 for 1.5 s).
  std::int64_t done = 0, after = app.store->with([](store::Conn& c) { return repo::newest_indexed(c); });
  for (;;) {
    auto n = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
      auto batch = repo::unindexed_posts(c, after, kIndexBatch);
      for (const auto& w : batch) index_words(c, w);
      if (!batch.empty()) after = batch.back().post_id;
      return static_cast<std::int64_t>(batch.size());
    });
    if (!n) return done;
    done += *n;
    if (*n < kIndexBatch) return done;
  }
}

void erase_search_of(store::Conn& c, std::int64_t user_id) { repo::remove_search_words_of(c, user_id); }

std::vector<Segment> snippet(std::string_view body, const std::vector<std::string>& terms, text::Stemmer& stemmer) {
  // The words as written (white space collapsed), at most the first 3,000.
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < body.size() && words.size() < 3000;) {
    while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
    const auto start = i;
    while (i < body.size() && !std::isspace(static_cast<unsigned char>(body[i]))) ++i;
    if (i > start) words.push_back(body.substr(start, i - start));
  }
  const std::set<std::string> wanted(terms.begin(), terms.end());
  auto matches = [&](std::string_view w) {
    const auto stems = text::search_words(w, stemmer);
    std::size_t at = 0;
    while (at < stems.size()) {
      auto end = stems.find(' ', at);
      if (end == std::string::npos) end = stems.size();
      if (wanted.contains(stems.substr(at, end - at))) return true;
      at = end + 1;
    }
    return false;
  };
  std::size_t first = words.size();
  for (std::size_t i = 0; i < words.size(); ++i)
    if (matches(words[i])) {
      first = i;
      break;
    }
  const std::size_t from = first == words.size() || first < kSnippetWords / 3 ? 0 : first - kSnippetWords / 3;
  const std::size_t to = std::min(words.size(), from + kSnippetWords);
  std::vector<Segment> out;
  if (from > 0) out.push_back({"… ", false});
  // Plain text joins up; each matching word is a segment of its own, the spaces outside it.
  auto plain = [&](std::string_view t) {
    if (!out.empty() && !out.back().match) out.back().text += t;
    else out.push_back({std::string(t), false});
  };
  for (std::size_t i = from; i < to; ++i) {
    if (matches(words[i])) out.push_back({std::string(words[i]), true});
    else plain(words[i]);
    if (i + 1 < to) plain(" ");
  }
  if (to < words.size()) plain(" …");
  return out;
}

SearchResults search(Services& app, std::int64_t space_id, std::int64_t user_id, std::string_view words, int page) {
  SearchResults out;
  out.page = page >= 1 && page <= kSearchPagesMax ? page : 1;
  std::vector<std::string> terms;
  app.store->with([&](store::Conn& c) {
    const auto who = reader_in(c, space_id, user_id, std::nullopt);
    if (!permissions::view_conversations(who.subject)) return;
    auto& stemmer = stemmer_for(search_language(c, space_id));
    terms = text::search_terms(prefix_utf8(words, kSearchWordsMax), stemmer);
    if (terms.empty()) return;
    out.searched = true;
    auto hits = repo::search_posts(c, space_id, terms, kSearchWindow, kSearchPageSize + 1,
                                   (out.page - 1) * kSearchPageSize);
    out.more = static_cast<int>(hits.size()) > kSearchPageSize;
    if (out.more) hits.pop_back();
    std::vector<std::int64_t> ids;
    for (const auto& h : hits) ids.push_back(h.post_id);
    std::map<std::int64_t, repo::HitRow> rows;
    for (auto& row : repo::hit_rows(c, ids)) rows.emplace(row.post_id, std::move(row));
    for (const auto& h : hits) {
      auto it = rows.find(h.post_id);
      if (it == rows.end()) continue;
      const auto& row = it->second;
      // Checked again: the reader may read the post's words, in this space.
      if (row.space_id != space_id) continue;
      permissions::Reader post_reader{who.subject, row.author_id && *row.author_id == user_id};
      if (!permissions::read_words(post_reader, {parse_state(row.state).value_or(State::removed), row.anonymous}))
        continue;
      permissions::Reader opening_reader{who.subject, row.opening_author_id && *row.opening_author_id == user_id};
      const permissions::PostFacts opening{parse_state(row.opening_state).value_or(State::removed),
                                           row.opening_anonymous};
      if (!permissions::read_post(opening_reader, opening)) continue;
      SearchFound f;
      f.conversation_id = row.conversation_id;
      f.post_id = row.post_id;
      f.opening = row.opening;
      f.kind = row.kind;
      f.title_hidden = !permissions::read_words(opening_reader, opening) || row.title.empty();
      if (!f.title_hidden) f.title = row.title;
      f.created_at = row.created_at;
      f.snippet = snippet(row.body, terms, stemmer);
      out.found.push_back(std::move(f));
    }
  });
  // Other sources (the resource library), on the first page after the conversations'.
  if (out.searched && out.page == 1)
    for (const auto& s : app.kept<Sources>().all) {
      if (!s.find) continue;
      for (auto& f : s.find(app, space_id, user_id, terms, kSearchPageSize)) {
        f.source = s.name;
        out.found.push_back(std::move(f));
      }
    }
  return out;
}

}  // namespace hs::conversations::commands
