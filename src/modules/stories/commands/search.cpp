// Full-text search over stories and their responses. The words are stemmed here, in C++
// (text::search_words), and kept in story_search in the same transaction as each write
// (index_story); the engines only match tokens (FTS5 on SQLite, a 'simple' tsvector on
// PostgreSQL), so both find the same stories. Who may read what is applied in SQL, as the
// "status/audience" kinds permissions::read_story allows this reader.
#include "text/search.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "modules/stories/commands/support.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::stories::commands {

namespace {

constexpr std::int64_t kIndexBatch = 500;

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

std::vector<std::string> keys_of(const permissions::Reader& r) {
  std::vector<std::string> out;
  for (const auto& f : permissions::readable_kinds(r))
    out.push_back(std::string(to_string(f.status)) + "/" + std::string(to_string(f.audience)));
  return out;
}

repo::Readers readers(const spaces::Subject& subject, std::int64_t user_id) {
  repo::Readers who;
  who.anyone = keys_of({subject, false});
  if (subject.signed_in && user_id > 0) {
    who.author_id = user_id;
    who.own = keys_of({subject, true});
  }
  return who;
}

// The first max bytes of s, cut at a character boundary.
std::string_view prefix_utf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace

std::string search_language(store::Conn&, std::int64_t) { return "en"; }

namespace {

std::string stemmed(const repo::StoryWords& w, text::Stemmer& stemmer) {
  std::string words;
  auto add = [&](std::string_view text) {
    auto t = text::search_words(text, stemmer);
    if (t.empty()) return;
    if (!words.empty()) words += ' ';
    words += t;
  };
  add(w.title);
  add(w.body);
  if (w.content_note) add(*w.content_note);
  for (const auto& t : w.topics) add(t);
  for (const auto& r : w.responses) add(r);
  return words;
}

}  // namespace

void index_story(store::Conn& c, std::int64_t story_id) {
  auto s = repo::story(c, story_id);
  if (!s || parse_status(s->status).value_or(Status::withdrawn) == Status::withdrawn) {
    repo::remove_search_words(c, story_id);
    return;
  }
  repo::StoryWords w{s->id,
                     s->space_id,
                     s->title,
                     s->body,
                     s->content_note,
                     repo::topics(c, story_id),
                     repo::response_bodies(c, story_id)};
  const auto language = search_language(c, s->space_id);
  repo::set_search_words(c, story_id, s->space_id, language, stemmed(w, stemmer_for(language)));
}

std::int64_t index_unindexed(Services& app) {
  std::int64_t done = 0;
  for (;;) {
    auto n = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
      auto batch = repo::unindexed_stories(c, kIndexBatch);
      for (const auto& w : batch) {
        const auto language = search_language(c, w.space_id);
        repo::set_search_words(c, w.id, w.space_id, language, stemmed(w, stemmer_for(language)));
      }
      return static_cast<std::int64_t>(batch.size());
    });
    done += *n;
    if (*n < kIndexBatch) return done;
  }
}

SearchResult search(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id,
                    const SearchInput& in) {
  SearchResult out;
  out.page = in.page >= 1 && in.page <= kSearchPagesMax ? in.page : 1;
  return app.store->with([&](store::Conn& c) {
    repo::SearchQuery q;
    q.terms = text::search_terms(prefix_utf8(in.words, kSearchWordsMax), stemmer_for(search_language(c, space_id)));
    q.space_id = space_id;
    q.readers = readers(subject, user_id);
    q.topic = in.topic.size() <= kTopicMax * 4 && text::valid_utf8(in.topic) ? in.topic : std::string();
    q.organisation_id = std::max<std::int64_t>(in.organisation_id, 0);
    static const std::string kStatuses[] = {"responded", "awaiting", "held"};
    if (std::find(std::begin(kStatuses), std::end(kStatuses), in.status) != std::end(kStatuses)) q.status = in.status;
    // Nothing to search for and nothing chosen: the caller shows the whole list.
    if (q.terms.empty() && q.topic.empty() && q.organisation_id == 0 && q.status.empty()) return out;
    out.searched = true;
    q.limit = kSearchPageSize + 1;
    q.offset = (out.page - 1) * kSearchPageSize;
    auto found = repo::search(c, q);
    auto& rows = found.rows;
    out.more = static_cast<std::int64_t>(rows.size()) > kSearchPageSize;
    if (out.more) rows.pop_back();
    out.window_full = found.window_full;
    out.stories = shown_stories(app, c, std::move(rows), subject, user_id);
    return out;
  });
}

std::vector<std::string> readable_topics(Services& app, std::int64_t space_id, const spaces::Subject& subject,
                                         std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::readable_topics(c, space_id, readers(subject, user_id)); });
}

}  // namespace hs::stories::commands
