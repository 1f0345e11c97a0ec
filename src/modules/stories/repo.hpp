#pragma once
// The only place the stories module's SQL lives. Functions take a connection, so the
// caller decides the transaction.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/stories/records.hpp"

namespace hs::store {
class Conn;
enum class Engine;
}  // namespace hs::store

namespace hs::stories::repo {

struct Organisation {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::string name;
};

// A story as it stands: its row and its newest version's words.
struct StoryRow {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::optional<std::int64_t> author_id;
  std::string status, audience, shown_as;
  std::optional<std::string> pseudonym, hold_reason;
  std::optional<std::int64_t> held_at;
  std::int64_t consent_version = 0;
  std::string consent_sha256;
  std::int64_t consented_at = 0, created_at = 0, updated_at = 0;
  std::optional<std::int64_t> withdrawn_at;
  // The newest version.
  std::int64_t number = 0;
  std::string title, body;
  std::optional<std::string> content_note;
};

struct VersionRow {
  std::int64_t number = 0;
  std::string title, body;
  std::optional<std::string> content_note;
  std::int64_t created_at = 0;
};

struct SuggestionRow {
  std::int64_t id = 0;
  std::int64_t story_id = 0;
  std::int64_t base_number = 0;
  std::string reason, title, body;
  std::optional<std::string> content_note;
  std::optional<std::int64_t> suggested_by;
  std::string status;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> decided_at;
};

struct ResponseRow {
  std::int64_t id = 0;
  std::int64_t story_id = 0;
  std::string kind;  // response | reply
  std::optional<std::int64_t> author_id, organisation_id;
  std::string organisation;  // its name, for a response
  std::int64_t created_at = 0, updated_at = 0;
  std::int64_t number = 0;  // of the newest version
  std::string body;
};

struct ResponseVersion {
  std::int64_t number = 0;
  std::string body;
  std::int64_t created_at = 0;
};

// Organisations and partners.
std::vector<Organisation> organisations(store::Conn& c, std::int64_t space_id);
std::optional<Organisation> organisation(store::Conn& c, std::int64_t id);
// Nothing when the space already lists that name.
std::optional<std::int64_t> insert_organisation(store::Conn& c, std::int64_t space_id, const std::string& name,
                                                std::int64_t now);
void set_partner(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t organisation_id,
                 std::int64_t now);
void remove_partner(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
std::optional<Organisation> partner_organisation(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
struct PartnerRow {
  std::int64_t user_id = 0;
  Organisation organisation;
};
std::vector<PartnerRow> partners(store::Conn& c, std::int64_t space_id);

// The space's newest consent text: {version, body}; nothing when it uses the built-in one.
std::optional<std::pair<std::int64_t, std::string>> consent_text(store::Conn& c, std::int64_t space_id);
void insert_consent_text(store::Conn& c, std::int64_t space_id, std::int64_t version, const std::string& body,
                         std::int64_t now);

// Stories.
std::int64_t insert_story(store::Conn& c, const StoryRow& s);
void insert_version(store::Conn& c, std::int64_t story_id, std::int64_t number, const std::string& title,
                    const std::string& body, const std::optional<std::string>& content_note, std::int64_t now);
std::optional<StoryRow> story(store::Conn& c, std::int64_t id);
// Not withdrawn, newest first.
std::vector<StoryRow> stories_in(store::Conn& c, std::int64_t space_id);
// Every story the person wrote, withdrawn ones too, oldest first.
std::vector<StoryRow> stories_by(store::Conn& c, std::int64_t user_id);
std::vector<VersionRow> versions(store::Conn& c, std::int64_t story_id);  // oldest first
void set_choices(store::Conn& c, std::int64_t id, const std::string& audience, const std::string& shown_as,
                 const std::optional<std::string>& pseudonym, std::int64_t consent_version,
                 const std::string& consent_sha256, std::int64_t now);
void set_held(store::Conn& c, std::int64_t id, const std::string& reason, std::int64_t now);
void set_released(store::Conn& c, std::int64_t id, std::int64_t now);
void set_withdrawn(store::Conn& c, std::int64_t id, std::int64_t now);
void touch(store::Conn& c, std::int64_t id, std::int64_t now);
void set_topics(store::Conn& c, std::int64_t story_id, const std::vector<std::string>& topics);
std::vector<std::string> topics(store::Conn& c, std::int64_t story_id);
void set_about(store::Conn& c, std::int64_t story_id, const std::vector<std::int64_t>& organisation_ids);
std::vector<Organisation> about(store::Conn& c, std::int64_t story_id);

// Suggestions.
std::int64_t insert_suggestion(store::Conn& c, const SuggestionRow& s);
std::optional<SuggestionRow> suggestion(store::Conn& c, std::int64_t id);
std::optional<SuggestionRow> open_suggestion(store::Conn& c, std::int64_t story_id);
void decide_suggestion(store::Conn& c, std::int64_t id, const std::string& status, std::int64_t now);

// Responses.
std::int64_t insert_response(store::Conn& c, std::int64_t story_id, const std::string& kind, std::int64_t author_id,
                             std::optional<std::int64_t> organisation_id, std::int64_t now);
void insert_response_version(store::Conn& c, std::int64_t response_id, std::int64_t number, const std::string& body,
                             std::int64_t now);
void touch_response(store::Conn& c, std::int64_t response_id, std::int64_t now);
std::optional<ResponseRow> response(store::Conn& c, std::int64_t id);
std::vector<ResponseRow> responses(store::Conn& c, std::int64_t story_id);  // oldest first
std::vector<ResponseVersion> response_versions(store::Conn& c, std::int64_t response_id);
std::vector<ResponseRow> responses_by(store::Conn& c, std::int64_t user_id);

// For the figures of "you said, we did" (records.hpp): published stories about at least
// one organisation with the time of their first partner response, and their totals as
// aggregates, without reading a row per story.
using ConcernRow = stories::ConcernFacts;
using stories::ConcernTotals;
std::vector<ConcernRow> concerns(store::Conn& c, std::int64_t space_id);
ConcernTotals concern_totals(store::Conn& c, std::int64_t space_id);
// How many of these stories are concerns that got a partner's response.
std::int64_t answered_concerns_among(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& ids);
// Stories by id as they stand (any status), in one read a few hundred at a time.
std::vector<StoryRow> stories_by_id(store::Conn& c, const std::vector<std::int64_t>& ids);
// The people who answer for an organisation (whether they still hold the role is the
// spaces module's to say).
std::vector<std::int64_t> partners_of(store::Conn& c, std::int64_t space_id, std::int64_t organisation_id);

// Search (migration 0026): one row of stemmed words per story that is not withdrawn.
void set_search_words(store::Conn& c, std::int64_t story_id, std::int64_t space_id, const std::string& language,
                      const std::string& words);
void remove_search_words(store::Conn& c, std::int64_t story_id);
// What a story's search row is made of: its newest words, topics, and the newest words of
// each response and reply.
struct StoryWords {
  std::int64_t id = 0, space_id = 0;
  std::string title, body;
  std::optional<std::string> content_note;
  std::vector<std::string> topics, responses;
};
// Stories not withdrawn that have no row yet (shared before 0026), oldest first: three
// statements for the lot, however many.
std::vector<StoryWords> unindexed_stories(store::Conn& c, std::int64_t limit);
// The newest words of each response and reply, oldest first.
std::vector<std::string> response_bodies(store::Conn& c, std::int64_t story_id);

// Who may read which stories, as the caller worked out from permissions::read_story:
// "status/audience" keys (at most kReadableKeys) anyone with the reader's standing may
// read, and those the author may read of their own (author_id 0 when signed out).
inline constexpr std::size_t kReadableKeys = 9;
struct Readers {
  std::vector<std::string> anyone;
  std::int64_t author_id = 0;
  std::vector<std::string> own;
};
struct SearchQuery {
  std::vector<std::string> terms;  // text::search_terms: letters and digits only, ANDed; none: filters only
  std::int64_t space_id = 0;
  Readers readers;
  std::string topic;                 // "" for any
  std::int64_t organisation_id = 0;  // 0 for any
  std::string status;                // "" | responded | awaiting | held
  std::int64_t limit = 20, offset = 0;
};
// With terms: the best matches (FTS5's bm25, PostgreSQL's ts_rank; then newest) among the
// newest kSearchWindow matching stories these readers may read, not among every match:
// ranking costs each ranked story, and a common word matches most of a space. Above the
// results the pages reach (commands::kSearchPagesMax pages of kSearchPageSize).
// Without terms, the stories that pass the filters, newest first.
inline constexpr std::int64_t kSearchWindow = 1000;
// How PostgreSQL finds that window (repo.cpp, postgres_hits): words that match at least
// kSearchWindow in kSearchWalk of the reader's newest stories (judged on the newest
// kSearchSample) are found by reading those stories newest first; rarer ones by the index.
inline constexpr std::int64_t kSearchWalk = 4000, kSearchSample = 400;
struct SearchRows {
  std::vector<StoryRow> rows;
  bool window_full = false;  // the window held kSearchWindow matches: older ones were not ranked
};
SearchRows search(store::Conn& c, const SearchQuery& q);
// The same statement with its parameters written as SQL literals, to run it straight on
// the engine (bench/stories measures against that).
std::string search_statement(store::Engine e, const SearchQuery& q);
// For a page of results (at most kDetailsBatch stories): each story's topics, the
// organisations it is about, and its number of responses and replies, in one statement each.
inline constexpr std::size_t kDetailsBatch = 25;
struct StoryDetails {
  std::vector<std::string> topics;
  std::vector<Organisation> about;
  std::int64_t responses = 0;
};
std::vector<StoryDetails> details(store::Conn& c, const std::vector<std::int64_t>& story_ids);
// The topics of the newest kTopicStories stories these readers may read, for the search's
// filter (bounded, so the list page costs the same however many stories the space holds).
inline constexpr std::int64_t kTopicStories = 1000;
std::vector<std::string> readable_topics(store::Conn& c, std::int64_t space_id, const Readers& who);

// Erasure: the person's stories go (with what hangs on them); their responses for an
// organisation stay, without them; suggestions they made forget them.
void erase_person(store::Conn& c, std::int64_t user_id);

}  // namespace hs::stories::repo
