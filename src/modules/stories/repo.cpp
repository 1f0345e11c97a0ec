#include "modules/stories/repo.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "store/db.hpp"
#include "store/id_list.hpp"

namespace hs::stories::repo {

namespace {

store::Value opt_id(const std::optional<std::int64_t>& v) { return v ? store::Value(*v) : store::Value(store::Null{}); }

// --- organisations and partners ---------------------------------------------------------
constexpr const char* kOrganisations =
    "SELECT id, space_id, name FROM story_organisations WHERE space_id = ? ORDER BY name, id";
constexpr const char* kOrganisation = "SELECT id, space_id, name FROM story_organisations WHERE id = ?";
constexpr const char* kInsertOrganisation = R"(
INSERT INTO story_organisations (space_id, name, created_at) VALUES (?, ?, ?)
ON CONFLICT (space_id, name) DO NOTHING RETURNING id)";
constexpr const char* kSetPartner = R"(
INSERT INTO story_partners (space_id, user_id, organisation_id, created_at) VALUES (?, ?, ?, ?)
ON CONFLICT (space_id, user_id) DO UPDATE SET organisation_id = excluded.organisation_id)";
constexpr const char* kRemovePartner = "DELETE FROM story_partners WHERE space_id = ? AND user_id = ?";
constexpr const char* kPartnerOrganisation = R"(
SELECT o.id, o.space_id, o.name FROM story_partners p JOIN story_organisations o ON o.id = p.organisation_id
WHERE p.space_id = ? AND p.user_id = ?)";
constexpr const char* kPartners = R"(
SELECT p.user_id, o.id, o.space_id, o.name FROM story_partners p JOIN story_organisations o ON o.id = p.organisation_id
WHERE p.space_id = ? ORDER BY o.name, p.user_id)";
constexpr const char* kConsent =
    "SELECT version, body FROM story_consent_texts WHERE space_id = ? ORDER BY version DESC LIMIT 1";
constexpr const char* kInsertConsent =
    "INSERT INTO story_consent_texts (space_id, version, body, created_at) VALUES (?, ?, ?, ?)";

// --- stories ------------------------------------------------------------------------------
constexpr const char* kStoryFields = R"(
s.id, s.space_id, s.author_id, s.status, s.audience, s.shown_as, s.pseudonym, s.hold_reason, s.held_at,
s.consent_version, s.consent_sha256, s.consented_at, s.created_at, s.updated_at, s.withdrawn_at,
v.number, v.title, v.body, v.content_note)";
constexpr const char* kNewestVersion = R"(
JOIN story_versions v ON v.story_id = s.id
 AND v.number = (SELECT MAX(w.number) FROM story_versions w WHERE w.story_id = s.id))";
constexpr std::size_t kStoryFieldCount = 19;  // what story_from reads
// The columns story_from reads, from stories s with its newest version v.
const std::string kStoryColumns = std::string(kStoryFields) + "\nFROM stories s" + kNewestVersion;
constexpr const char* kInsertStory = R"(
INSERT INTO stories (space_id, author_id, status, audience, shown_as, pseudonym, consent_version, consent_sha256,
  consented_at, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)";
constexpr const char* kInsertVersion = R"(
INSERT INTO story_versions (story_id, number, title, body, content_note, created_at) VALUES (?, ?, ?, ?, ?, ?))";
constexpr const char* kVersions =
    "SELECT number, title, body, content_note, created_at FROM story_versions WHERE story_id = ? ORDER BY number";
constexpr const char* kSetChoices = R"(
UPDATE stories SET audience = ?, shown_as = ?, pseudonym = ?, consent_version = ?, consent_sha256 = ?,
  consented_at = ?, updated_at = ? WHERE id = ?)";
constexpr const char* kSetHeld =
    "UPDATE stories SET status = 'held', hold_reason = ?, held_at = ?, updated_at = ? WHERE id = ?";
constexpr const char* kSetReleased =
    "UPDATE stories SET status = 'published', hold_reason = NULL, held_at = NULL, updated_at = ? WHERE id = ?";
constexpr const char* kSetWithdrawn =
    "UPDATE stories SET status = 'withdrawn', withdrawn_at = ?, updated_at = ? WHERE id = ?";
constexpr const char* kTouch = "UPDATE stories SET updated_at = ? WHERE id = ?";
constexpr const char* kClearTopics = "DELETE FROM story_topics WHERE story_id = ?";
constexpr const char* kInsertTopic = "INSERT INTO story_topics (story_id, topic) VALUES (?, ?)";
constexpr const char* kTopics = "SELECT topic FROM story_topics WHERE story_id = ? ORDER BY topic";
constexpr const char* kClearAbout = "DELETE FROM story_about WHERE story_id = ?";
constexpr const char* kInsertAbout = "INSERT INTO story_about (story_id, organisation_id) VALUES (?, ?)";
constexpr const char* kAbout = R"(
SELECT o.id, o.space_id, o.name FROM story_about a JOIN story_organisations o ON o.id = a.organisation_id
WHERE a.story_id = ? ORDER BY o.name)";

// --- suggestions --------------------------------------------------------------------------
constexpr const char* kSuggestionColumns = R"(
SELECT id, story_id, base_number, reason, title, body, content_note, suggested_by, status, created_at, decided_at
FROM story_suggestions WHERE )";
constexpr const char* kInsertSuggestion = R"(
INSERT INTO story_suggestions (story_id, base_number, reason, title, body, content_note, suggested_by, status,
  created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?) RETURNING id)";
constexpr const char* kDecideSuggestion = "UPDATE story_suggestions SET status = ?, decided_at = ? WHERE id = ?";

// --- responses ----------------------------------------------------------------------------
constexpr const char* kResponseColumns = R"(
SELECT r.id, r.story_id, r.kind, r.author_id, r.organisation_id, COALESCE(o.name, ''), r.created_at, r.updated_at,
  v.number, v.body
FROM story_responses r
JOIN story_response_versions v ON v.response_id = r.id
 AND v.number = (SELECT MAX(w.number) FROM story_response_versions w WHERE w.response_id = r.id)
LEFT JOIN story_organisations o ON o.id = r.organisation_id
WHERE )";
constexpr const char* kInsertResponse = R"(
INSERT INTO story_responses (story_id, kind, author_id, organisation_id, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id)";
constexpr const char* kInsertResponseVersion =
    "INSERT INTO story_response_versions (response_id, number, body, created_at) VALUES (?, ?, ?, ?)";
constexpr const char* kTouchResponse = "UPDATE story_responses SET updated_at = ? WHERE id = ?";
constexpr const char* kResponseVersions =
    "SELECT number, body, created_at FROM story_response_versions WHERE response_id = ? ORDER BY number";

// --- erasure ------------------------------------------------------------------------------
constexpr const char* kEraseStories = "DELETE FROM stories WHERE author_id = ?";
constexpr const char* kEraseResponses = "UPDATE story_responses SET author_id = NULL WHERE author_id = ?";
constexpr const char* kEraseSuggestions = "UPDATE story_suggestions SET suggested_by = NULL WHERE suggested_by = ?";
constexpr const char* kErasePartner = "DELETE FROM story_partners WHERE user_id = ?";

constexpr const char* kConcerns = R"(
SELECT s.id, s.created_at,
  (SELECT MIN(r.created_at) FROM story_responses r WHERE r.story_id = s.id AND r.kind = 'response')
FROM stories s
WHERE s.space_id = ? AND s.status = 'published' AND EXISTS (SELECT 1 FROM story_about a WHERE a.story_id = s.id)
ORDER BY s.id)";
constexpr const char* kPartnersOf =
    "SELECT user_id FROM story_partners WHERE space_id = ? AND organisation_id = ? ORDER BY user_id";

// --- search (migration 0026) ----------------------------------------------------------
constexpr const char* kSetSearchWords = R"(
INSERT INTO story_search (story_id, space_id, language, words) VALUES (?, ?, ?, ?)
ON CONFLICT (story_id) DO UPDATE SET space_id = excluded.space_id, language = excluded.language,
  words = excluded.words)";
constexpr const char* kRemoveSearchWords = "DELETE FROM story_search WHERE story_id = ?";
const std::string kUnindexed = std::string("SELECT ") + kStoryFields + "\nFROM stories s" + kNewestVersion + R"(
WHERE s.status <> 'withdrawn' AND NOT EXISTS (SELECT 1 FROM story_search x WHERE x.story_id = s.id)
ORDER BY s.id LIMIT ?)";
constexpr const char* kTopicsBetween =
    "SELECT story_id, topic FROM story_topics WHERE story_id BETWEEN ? AND ? ORDER BY story_id, topic";
constexpr const char* kResponseBodiesBetween = R"(
SELECT r.story_id, v.body FROM story_responses r
JOIN story_response_versions v ON v.response_id = r.id
 AND v.number = (SELECT MAX(w.number) FROM story_response_versions w WHERE w.response_id = r.id)
WHERE r.story_id BETWEEN ? AND ? ORDER BY r.story_id, r.id)";
// A page of results' details: the ids fill kDetailsBatch placeholders (0 for none).
#define HS_IDS "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
constexpr const char* kTopicsOf =
    "SELECT story_id, topic FROM story_topics WHERE story_id IN " HS_IDS " ORDER BY story_id, topic";
constexpr const char* kAboutOf =
    "SELECT a.story_id, o.id, o.space_id, o.name FROM story_about a JOIN story_organisations o ON o.id = "
    "a.organisation_id WHERE a.story_id IN " HS_IDS " ORDER BY a.story_id, o.name";
constexpr const char* kResponseCounts =
    "SELECT story_id, COUNT(*) FROM story_responses WHERE story_id IN " HS_IDS " GROUP BY story_id";
#undef HS_IDS
constexpr std::size_t placeholders(std::string_view sql) {
  std::size_t n = 0;
  for (char ch : sql) n += ch == '?' ? 1 : 0;
  return n;
}
static_assert(placeholders(kTopicsOf) == kDetailsBatch && placeholders(kAboutOf) == kDetailsBatch &&
              placeholders(kResponseCounts) == kDetailsBatch);
constexpr const char* kResponseBodies = R"(
SELECT v.body FROM story_responses r
JOIN story_response_versions v ON v.response_id = r.id
 AND v.number = (SELECT MAX(w.number) FROM story_response_versions w WHERE w.response_id = r.id)
WHERE r.story_id = ? ORDER BY r.id)";

// Who may read which story, as "status/audience" keys the caller derives from
// permissions::read_story (kReadableKeys of each: unused ones are ''), for anyone and
// for the author of their own; then the filters. Shared by both engines' searches and
// the topic list, in this order of parameters.
constexpr const char* kReadableBy = R"(
 AND s.space_id = ?
 AND ((s.status || '/' || s.audience) IN (?, ?, ?, ?, ?, ?, ?, ?, ?)
  OR (s.author_id = ? AND (s.status || '/' || s.audience) IN (?, ?, ?, ?, ?, ?, ?, ?, ?))))";
// The same for PostgreSQL's search, with each list of kinds one text[] parameter
// (bind_readers_array): a list of parameters is an array built again for each row read
// once PostgreSQL keeps one plan for the statement, and a search reads thousands.
constexpr const char* kReadableByArray = R"(
 AND s.space_id = ?
 AND ((s.status || '/' || s.audience) = ANY (?::text[])
  OR (s.author_id = ? AND (s.status || '/' || s.audience) = ANY (?::text[]))))";
// And on story_search x (its copy of each story's kind and author, migration 0029).
constexpr const char* kReadableByKind = R"(
 AND x.space_id = ?
 AND (x.kind = ANY (?::text[])
  OR (x.author_id = ? AND x.kind = ANY (?::text[]))))";
constexpr const char* kSearchFilters = R"(
 AND (? = '' OR EXISTS (SELECT 1 FROM story_topics t WHERE t.story_id = s.id AND t.topic = ?))
 AND (? = 0 OR EXISTS (SELECT 1 FROM story_about a WHERE a.story_id = s.id AND a.organisation_id = ?))
 AND (? = ''
  OR (? = 'held' AND s.status = 'held')
  OR (? = 'responded' AND EXISTS (SELECT 1 FROM story_responses r WHERE r.story_id = s.id AND r.kind = 'response'))
  OR (? = 'awaiting' AND NOT EXISTS
      (SELECT 1 FROM story_responses r WHERE r.story_id = s.id AND r.kind = 'response'))))";
// Ranking is work for every story it ranks (bm25 reads each match's positions, ts_rank
// decompresses each match's tsvector), and a common word in a big space matches tens of
// thousands of stories. So both engines rank only the newest kSearchWindow matches the
// reader may read (`recent`), and keep the best of those (`hits`): the cost of a search is
// bounded by the window, not by how many stories say "housing". The window is above the
// results the pages reach (kSearchPagesMax pages), so paging never runs past it.
//
// SQLite: FTS5 over the stemmed words, walked newest first (rowid DESC, which FTS5 reads
// in order without sorting) and stopped after the window's stories; bm25 (lower for
// better matches) is computed only for those.
constexpr const char* kSqliteHits = R"(
WITH recent AS MATERIALIZED (
SELECT s.id, s.created_at, -bm25(story_search_fts) AS rank
FROM story_search_fts JOIN stories s ON s.id = story_search_fts.rowid
WHERE story_search_fts MATCH ?)";
constexpr const char* kSqliteRecent = R"(
ORDER BY story_search_fts.rowid DESC LIMIT ?),)";
// PostgreSQL finds the same window in one of two ways, chosen in the statement by how
// common the words are among the reader's newest stories:
// - `sample`: of the newest kSearchSample stories these readers may read (and that pass
//   the filters), how many match. If as many as a full window among kSearchWalk of them,
//   the words are common: `walked` reads the readable stories newest first (an index-only
//   scan of stories_newest_by_space, migration 0029) and tests each one's tokens, kept
//   inline in story_search_ranks, stopping when the window is full; ts_rank runs on those.
//   A word in a third of the stories costs about 3,000 tests, not 30,000 matches.
// - Otherwise `walked` tests only the sample, and `older` asks the GIN index for the
//   rest: the space's matches (the index holds each story's space as the lexeme
//   "#<space id>", which no parsed word can be) older than what was walked that the
//   reader may read (as story_search's copy of each story's status, audience and author
//   says), newest first, each checked against stories itself until the window is full
//   (LATERAL ... OFFSET 0: a nested loop that stops early). `older` runs only when
//   `walked` is short.
// Both give exactly the newest kSearchWindow matches the reader may read. `terms` is a
// scalar subquery on purpose: the planner then cannot see how common the words are and
// always reads the GIN index rather than every row (decompressing each tsvector);
// `x.story_id + 0` keeps it from intersecting the GIN matches with the whole primary key.
std::string postgres_hits(const char* filters) {
  const auto n = std::to_string(kSearchWindow), walk = std::to_string(kSearchWalk),
             sample = std::to_string(kSearchSample);
  return std::string(R"(
WITH terms AS MATERIALIZED (SELECT plainto_tsquery('simple', ?) AS words, ?::tsquery AS space),
readable AS NOT MATERIALIZED (
SELECT s.id, s.created_at FROM stories s
WHERE TRUE)") + kReadableByArray + filters + R"(),
sample AS MATERIALIZED (
SELECT COUNT(*) AS n FROM (SELECT id FROM readable ORDER BY id DESC LIMIT )" + sample + R"() r
WHERE EXISTS (SELECT 1 FROM story_search_ranks t WHERE t.story_id = r.id AND t.tokens @@ (SELECT words FROM terms))),
walk AS MATERIALIZED (
SELECT CASE WHEN n * )" + walk + " >= " + n + " * " + sample + " THEN " + walk + " ELSE " + sample + R"( END AS n FROM sample),
walked AS MATERIALIZED (
SELECT w.id, w.created_at, r.rank
FROM (SELECT id, created_at FROM readable ORDER BY id DESC LIMIT (SELECT n FROM walk)) w,
LATERAL (SELECT ts_rank(t.tokens, (SELECT words FROM terms)) AS rank FROM story_search_ranks t
WHERE t.story_id = w.id AND t.tokens @@ (SELECT words FROM terms) OFFSET 0) r
ORDER BY w.id DESC LIMIT )" + n + R"(),
older AS MATERIALIZED (
SELECT s.id, s.created_at FROM (SELECT x.story_id FROM story_search x
WHERE (SELECT COUNT(*) FROM walked) < )" + n + R"( AND x.tokens @@ (SELECT words && space FROM terms))" +
                     kReadableByKind + R"(
 AND x.story_id + 0 < (SELECT COALESCE(MIN(b.id), 0) FROM (SELECT id FROM readable ORDER BY id DESC LIMIT (SELECT n FROM walk)) b)
ORDER BY x.story_id DESC) m,
LATERAL (SELECT s.id, s.created_at FROM readable s WHERE s.id = m.story_id OFFSET 0) s
ORDER BY m.story_id DESC LIMIT ()" + n + R"( - (SELECT COUNT(*) FROM walked))),
recent AS (
SELECT id, created_at, rank FROM walked
UNION ALL
SELECT o.id, o.created_at, ts_rank(t.tokens, (SELECT words FROM terms)) FROM older o
JOIN story_search_ranks t ON t.story_id = o.id),)";
}
// The best LIMIT of the window (rank, then newest), then their words: the newest version
// is looked up for the page's stories only. The last column says how many matches the
// window held: kSearchWindow when there may be older ones it left out.
constexpr const char* kWindowPage = R"(
hits AS (
SELECT h.id, h.rank FROM %s h
ORDER BY h.rank DESC, h.created_at DESC, h.id DESC LIMIT ? OFFSET ?)
SELECT )";
constexpr const char* kSearchOrder = R"(
ORDER BY h.rank DESC, s.created_at DESC, s.id DESC)";
// Filters without words: the readable stories that pass them, newest first.
constexpr const char* kFilteredHits = R"(
WITH hits AS (
SELECT s.id, 0 AS rank FROM stories s
WHERE TRUE)";
constexpr const char* kFilteredPage = R"(
ORDER BY rank DESC, s.created_at DESC, s.id DESC LIMIT ? OFFSET ?)
SELECT )";
// With words and no filter, the statement leaves the filters out (not `? = '' OR ...`):
// PostgreSQL then plans it the same whatever the parameters, so it keeps one plan for it
// rather than planning each search again (about 1 ms).
const std::string& search_sql(store::Engine e, bool words, bool filters) {
  static const auto page = [](const char* from) {
    std::string out = kWindowPage;
    return out.replace(out.find("%s"), 2, from);
  };
  static const auto tail = [](const char* window) {
    return std::string(kStoryFields) + ",\n" + window + "\nFROM hits h JOIN stories s ON s.id = h.id" +
           kNewestVersion + kSearchOrder;
  };
  static const auto sqlite = [](const char* filters) {
    return std::string(kSqliteHits) + kReadableBy + filters + kSqliteRecent + page("recent") +
           tail("(SELECT COUNT(*) FROM recent)");
  };
  static const auto postgres = [](const char* filters) {
    return postgres_hits(filters) + page("recent") + tail("(SELECT COUNT(*) FROM recent)");
  };
  static const std::string sqlite_words = sqlite(""), sqlite_filtered = sqlite(kSearchFilters),
                           postgres_words = postgres(""), postgres_filtered = postgres(kSearchFilters),
                           filtered = std::string(kFilteredHits) + kReadableBy + kSearchFilters + kFilteredPage +
                                      tail("0");
  if (!words) return filtered;
  if (e == store::Engine::sqlite) return filters ? sqlite_filtered : sqlite_words;
  return filters ? postgres_filtered : postgres_words;
}
// The topics of the newest kTopicStories stories the reader may read: a filter list at the
// cost of a page, however many stories the space holds (all of them took 110 ms at 50,000).
const std::string kReadableTopics = std::string(R"(
SELECT DISTINCT t.topic FROM (SELECT s.id FROM stories s
WHERE TRUE)") + kReadableBy + R"(
ORDER BY s.id DESC LIMIT ?) r JOIN story_topics t ON t.story_id = r.id
ORDER BY t.topic LIMIT 200)";

Organisation organisation_from(const store::Row& r, std::size_t i) { return {r.i64(i), r.i64(i + 1), r.text(i + 2)}; }

StoryRow story_from(const store::Row& r) {
  StoryRow s;
  s.id = r.i64(0);
  s.space_id = r.i64(1);
  s.author_id = r.opt_i64(2);
  s.status = r.text(3);
  s.audience = r.text(4);
  s.shown_as = r.text(5);
  s.pseudonym = r.opt_text(6);
  s.hold_reason = r.opt_text(7);
  s.held_at = r.opt_i64(8);
  s.consent_version = r.i64(9);
  s.consent_sha256 = r.text(10);
  s.consented_at = r.i64(11);
  s.created_at = r.i64(12);
  s.updated_at = r.i64(13);
  s.withdrawn_at = r.opt_i64(14);
  s.number = r.i64(15);
  s.title = r.text(16);
  s.body = r.text(17);
  s.content_note = r.opt_text(18);
  return s;
}

SuggestionRow suggestion_from(const store::Row& r) {
  SuggestionRow s;
  s.id = r.i64(0);
  s.story_id = r.i64(1);
  s.base_number = r.i64(2);
  s.reason = r.text(3);
  s.title = r.text(4);
  s.body = r.text(5);
  s.content_note = r.opt_text(6);
  s.suggested_by = r.opt_i64(7);
  s.status = r.text(8);
  s.created_at = r.i64(9);
  s.decided_at = r.opt_i64(10);
  return s;
}

ResponseRow response_from(const store::Row& r) {
  ResponseRow x;
  x.id = r.i64(0);
  x.story_id = r.i64(1);
  x.kind = r.text(2);
  x.author_id = r.opt_i64(3);
  x.organisation_id = r.opt_i64(4);
  x.organisation = r.text(5);
  x.created_at = r.i64(6);
  x.updated_at = r.i64(7);
  x.number = r.i64(8);
  x.body = r.text(9);
  return x;
}

std::vector<StoryRow> stories_where(store::Conn& c, const std::string& sql, std::int64_t arg) {
  std::vector<StoryRow> out;
  for (const auto& r : c.q(sql, arg)) out.push_back(story_from(r));
  return out;
}

// kReadableByArray's and kReadableByKind's: each list as a PostgreSQL array literal (the
// kinds hold only letters and '/').
void bind_readers_array(std::vector<store::Value>& args, std::int64_t space_id, const Readers& who) {
  auto keys = [&](const std::vector<std::string>& ks) {
    std::string out = "{";
    for (const auto& k : ks) out += (out.size() > 1 ? "," : "") + k;
    args.emplace_back(out + "}");
  };
  args.emplace_back(space_id);
  keys(who.anyone);
  args.emplace_back(who.author_id);
  keys(who.own);
}

// The readers' part of the parameters (kReadableBy above).
void bind_readers(std::vector<store::Value>& args, std::int64_t space_id, const Readers& who) {
  auto keys = [&](const std::vector<std::string>& ks) {
    if (ks.size() > kReadableKeys) throw std::logic_error("stories search: more readable kinds than the query holds");
    for (std::size_t i = 0; i < kReadableKeys; ++i) args.emplace_back(i < ks.size() ? ks[i] : std::string());
  };
  args.emplace_back(space_id);
  keys(who.anyone);
  args.emplace_back(who.author_id);
  keys(who.own);
}

}  // namespace

std::vector<Organisation> organisations(store::Conn& c, std::int64_t space_id) {
  std::vector<Organisation> out;
  for (const auto& r : c.q(kOrganisations, space_id)) out.push_back(organisation_from(r, 0));
  return out;
}

std::optional<Organisation> organisation(store::Conn& c, std::int64_t id) {
  auto r = c.one(kOrganisation, id);
  if (!r) return std::nullopt;
  return organisation_from(*r, 0);
}

std::optional<std::int64_t> insert_organisation(store::Conn& c, std::int64_t space_id, const std::string& name,
                                                std::int64_t now) {
  auto r = c.one(kInsertOrganisation, space_id, name, now);
  if (!r) return std::nullopt;
  return r->i64(0);
}

void set_partner(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t organisation_id,
                 std::int64_t now) {
  c.q(kSetPartner, space_id, user_id, organisation_id, now);
}

void remove_partner(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  c.q(kRemovePartner, space_id, user_id);
}

std::optional<Organisation> partner_organisation(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  auto r = c.one(kPartnerOrganisation, space_id, user_id);
  if (!r) return std::nullopt;
  return organisation_from(*r, 0);
}

std::vector<PartnerRow> partners(store::Conn& c, std::int64_t space_id) {
  std::vector<PartnerRow> out;
  for (const auto& r : c.q(kPartners, space_id)) out.push_back({r.i64(0), organisation_from(r, 1)});
  return out;
}

std::optional<std::pair<std::int64_t, std::string>> consent_text(store::Conn& c, std::int64_t space_id) {
  auto r = c.one(kConsent, space_id);
  if (!r) return std::nullopt;
  return std::make_pair(r->i64(0), r->text(1));
}

void insert_consent_text(store::Conn& c, std::int64_t space_id, std::int64_t version, const std::string& body,
                         std::int64_t now) {
  c.q(kInsertConsent, space_id, version, body, now);
}

std::int64_t insert_story(store::Conn& c, const StoryRow& s) {
  const store::Value args[] = {
      s.space_id,        opt_id(s.author_id), s.status,       s.audience,   s.shown_as,  store::opt(s.pseudonym),
      s.consent_version, s.consent_sha256,    s.consented_at, s.created_at, s.updated_at};
  return c.query(kInsertStory, args).at(0).i64(0);
}

void insert_version(store::Conn& c, std::int64_t story_id, std::int64_t number, const std::string& title,
                    const std::string& body, const std::optional<std::string>& content_note, std::int64_t now) {
  c.q(kInsertVersion, story_id, number, title, body, content_note, now);
}

std::optional<StoryRow> story(store::Conn& c, std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + kStoryColumns + " WHERE s.id = ?";
  auto r = c.one(sql, id);
  if (!r) return std::nullopt;
  return story_from(*r);
}

std::vector<StoryRow> stories_in(store::Conn& c, std::int64_t space_id) {
  static const std::string sql =
      std::string("SELECT ") + kStoryColumns +
      " WHERE s.space_id = ? AND s.status <> 'withdrawn' ORDER BY s.created_at DESC, s.id DESC";
  return stories_where(c, sql, space_id);
}

std::vector<StoryRow> stories_by(store::Conn& c, std::int64_t user_id) {
  static const std::string sql = std::string("SELECT ") + kStoryColumns + " WHERE s.author_id = ? ORDER BY s.id";
  return stories_where(c, sql, user_id);
}

std::vector<VersionRow> versions(store::Conn& c, std::int64_t story_id) {
  std::vector<VersionRow> out;
  for (const auto& r : c.q(kVersions, story_id))
    out.push_back({r.i64(0), r.text(1), r.text(2), r.opt_text(3), r.i64(4)});
  return out;
}

void set_choices(store::Conn& c, std::int64_t id, const std::string& audience, const std::string& shown_as,
                 const std::optional<std::string>& pseudonym, std::int64_t consent_version,
                 const std::string& consent_sha256, std::int64_t now) {
  c.q(kSetChoices, audience, shown_as, pseudonym, consent_version, consent_sha256, now, now, id);
}

void set_held(store::Conn& c, std::int64_t id, const std::string& reason, std::int64_t now) {
  c.q(kSetHeld, reason, now, now, id);
}

void set_released(store::Conn& c, std::int64_t id, std::int64_t now) { c.q(kSetReleased, now, id); }

void set_withdrawn(store::Conn& c, std::int64_t id, std::int64_t now) { c.q(kSetWithdrawn, now, now, id); }

void touch(store::Conn& c, std::int64_t id, std::int64_t now) { c.q(kTouch, now, id); }

void set_topics(store::Conn& c, std::int64_t story_id, const std::vector<std::string>& topics) {
  c.q(kClearTopics, story_id);
  for (const auto& t : topics) c.q(kInsertTopic, story_id, t);
}

std::vector<std::string> topics(store::Conn& c, std::int64_t story_id) {
  std::vector<std::string> out;
  for (const auto& r : c.q(kTopics, story_id)) out.push_back(r.text(0));
  return out;
}

void set_about(store::Conn& c, std::int64_t story_id, const std::vector<std::int64_t>& organisation_ids) {
  c.q(kClearAbout, story_id);
  for (auto id : organisation_ids) c.q(kInsertAbout, story_id, id);
}

std::vector<Organisation> about(store::Conn& c, std::int64_t story_id) {
  std::vector<Organisation> out;
  for (const auto& r : c.q(kAbout, story_id)) out.push_back(organisation_from(r, 0));
  return out;
}

std::int64_t insert_suggestion(store::Conn& c, const SuggestionRow& s) {
  const store::Value args[] = {
      s.story_id,  s.base_number, s.reason, s.title, s.body, store::opt(s.content_note), opt_id(s.suggested_by),
      s.created_at};
  return c.query(kInsertSuggestion, args).at(0).i64(0);
}

std::optional<SuggestionRow> suggestion(store::Conn& c, std::int64_t id) {
  static const std::string sql = std::string(kSuggestionColumns) + "id = ?";
  auto r = c.one(sql, id);
  if (!r) return std::nullopt;
  return suggestion_from(*r);
}

std::optional<SuggestionRow> open_suggestion(store::Conn& c, std::int64_t story_id) {
  static const std::string sql = std::string(kSuggestionColumns) + "story_id = ? AND status = 'open' ORDER BY id DESC";
  auto r = c.one(sql, story_id);
  if (!r) return std::nullopt;
  return suggestion_from(*r);
}

void decide_suggestion(store::Conn& c, std::int64_t id, const std::string& status, std::int64_t now) {
  c.q(kDecideSuggestion, status, now, id);
}

std::int64_t insert_response(store::Conn& c, std::int64_t story_id, const std::string& kind, std::int64_t author_id,
                             std::optional<std::int64_t> organisation_id, std::int64_t now) {
  const store::Value args[] = {story_id, kind, author_id, opt_id(organisation_id), now, now};
  return c.query(kInsertResponse, args).at(0).i64(0);
}

void insert_response_version(store::Conn& c, std::int64_t response_id, std::int64_t number, const std::string& body,
                             std::int64_t now) {
  c.q(kInsertResponseVersion, response_id, number, body, now);
}

void touch_response(store::Conn& c, std::int64_t response_id, std::int64_t now) {
  c.q(kTouchResponse, now, response_id);
}

std::optional<ResponseRow> response(store::Conn& c, std::int64_t id) {
  static const std::string sql = std::string(kResponseColumns) + "r.id = ?";
  auto r = c.one(sql, id);
  if (!r) return std::nullopt;
  return response_from(*r);
}

std::vector<ResponseRow> responses(store::Conn& c, std::int64_t story_id) {
  static const std::string sql = std::string(kResponseColumns) + "r.story_id = ? ORDER BY r.created_at, r.id";
  std::vector<ResponseRow> out;
  for (const auto& r : c.q(sql, story_id)) out.push_back(response_from(r));
  return out;
}

std::vector<ResponseVersion> response_versions(store::Conn& c, std::int64_t response_id) {
  std::vector<ResponseVersion> out;
  for (const auto& r : c.q(kResponseVersions, response_id)) out.push_back({r.i64(0), r.text(1), r.i64(2)});
  return out;
}

std::vector<ResponseRow> responses_by(store::Conn& c, std::int64_t user_id) {
  static const std::string sql = std::string(kResponseColumns) + "r.author_id = ? ORDER BY r.id";
  std::vector<ResponseRow> out;
  for (const auto& r : c.q(sql, user_id)) out.push_back(response_from(r));
  return out;
}

std::vector<ConcernRow> concerns(store::Conn& c, std::int64_t space_id) {
  std::vector<ConcernRow> out;
  for (const auto& r : c.q(kConcerns, space_id)) out.push_back({r.i64(0), r.i64(1), r.opt_i64(2)});
  return out;
}

namespace {

// A concern (as kConcerns) with its whole days to the first partner response, if any.
constexpr const char* kConcernDays = R"(
SELECT CASE WHEN q.first_at IS NULL THEN NULL WHEN q.first_at < q.shared_at THEN 0
            ELSE (q.first_at - q.shared_at) / 86400 END AS days
FROM (SELECT s.created_at AS shared_at,
        (SELECT MIN(r.created_at) FROM story_responses r WHERE r.story_id = s.id AND r.kind = 'response') AS first_at
      FROM stories s
      WHERE s.space_id = ? AND s.status = 'published'
        AND EXISTS (SELECT 1 FROM story_about a WHERE a.story_id = s.id)) q)";
// However many ids there are, one statement (store/id_list.hpp).
constexpr const char* kAnsweredAmong = R"(
SELECT COUNT(*) FROM stories s
WHERE s.space_id = ? AND s.status = 'published' AND EXISTS (SELECT 1 FROM story_about a WHERE a.story_id = s.id)
  AND EXISTS (SELECT 1 FROM story_responses r WHERE r.story_id = s.id AND r.kind = 'response')
  AND s.id IN (SELECT id FROM ids))";

}  // namespace

ConcernTotals concern_totals(store::Conn& c, std::int64_t space_id) {
  static const std::string totals = std::string("SELECT COUNT(*), COUNT(d.days) FROM (") + kConcernDays + ") d";
  static const std::string middle = std::string("SELECT d.days FROM (") + kConcernDays +
                                    ") d WHERE d.days IS NOT NULL ORDER BY d.days LIMIT 2 OFFSET ?";
  ConcernTotals t;
  if (auto r = c.one(totals, space_id)) {
    t.concerns = r->i64(0);
    t.answered = r->i64(1);
  }
  if (t.answered > 0) {
    auto rows = c.q(middle, space_id, (t.answered - 1) / 2);
    if (!rows.empty()) {
      // An even count takes the mean of the middle two, rounded half up.
      const auto a = rows[0].i64(0);
      t.median_days = t.answered % 2 || rows.size() < 2 ? a : (a + rows[1].i64(0) + 1) / 2;
    }
  }
  return t;
}

std::int64_t answered_concerns_among(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return 0;
  static const std::string sql = std::string(store::kPackedIds) + kAnsweredAmong;
  const auto packed = store::packed_ids(ids);
  return c.one(sql, packed, packed, packed, space_id)->i64(0);
}

std::vector<StoryRow> stories_by_id(store::Conn& c, const std::vector<std::int64_t>& ids) {
  std::vector<StoryRow> out;
  store::for_id_slices(ids, {}, [&](const std::string& in, const std::vector<store::Value>& args) {
    for (const auto& r : c.query(std::string("SELECT ") + kStoryColumns + " WHERE s.id IN " + in, args))
      out.push_back(story_from(r));
  });
  return out;
}

std::vector<std::int64_t> partners_of(store::Conn& c, std::int64_t space_id, std::int64_t organisation_id) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.q(kPartnersOf, space_id, organisation_id)) out.push_back(r.i64(0));
  return out;
}

void set_search_words(store::Conn& c, std::int64_t story_id, std::int64_t space_id, const std::string& language,
                      const std::string& words) {
  c.q(kSetSearchWords, story_id, space_id, language, words);
}

void remove_search_words(store::Conn& c, std::int64_t story_id) { c.q(kRemoveSearchWords, story_id); }

std::vector<StoryWords> unindexed_stories(store::Conn& c, std::int64_t limit) {
  std::vector<StoryWords> out;
  for (const auto& r : c.q(kUnindexed, limit)) {
    auto row = story_from(r);
    out.push_back(
        {row.id, row.space_id, std::move(row.title), std::move(row.body), std::move(row.content_note), {}, {}});
  }
  if (out.empty()) return out;
  // The batch's ids are ascending: its topics and responses lie between the first and last.
  auto in = [&](std::int64_t id) -> StoryWords* {
    auto it =
        std::lower_bound(out.begin(), out.end(), id, [](const StoryWords& w, std::int64_t x) { return w.id < x; });
    return it != out.end() && it->id == id ? &*it : nullptr;
  };
  for (const auto& r : c.q(kTopicsBetween, out.front().id, out.back().id))
    if (auto* w = in(r.i64(0))) w->topics.push_back(r.text(1));
  for (const auto& r : c.q(kResponseBodiesBetween, out.front().id, out.back().id))
    if (auto* w = in(r.i64(0))) w->responses.push_back(r.text(1));
  return out;
}

std::vector<std::string> response_bodies(store::Conn& c, std::int64_t story_id) {
  std::vector<std::string> out;
  for (const auto& r : c.q(kResponseBodies, story_id)) out.push_back(r.text(0));
  return out;
}

namespace {

// The space's own lexeme in story_search.tokens on PostgreSQL (migration 0029).
std::string space_lexeme(std::int64_t space_id) { return "'#" + std::to_string(space_id) + "'"; }

// A filter chosen (kSearchFilters); always so without words.
bool filtered(const SearchQuery& q) {
  return q.terms.empty() || !q.topic.empty() || q.organisation_id != 0 || !q.status.empty();
}

const std::string& search_sql(store::Engine e, const SearchQuery& q) {
  return search_sql(e, !q.terms.empty(), filtered(q));
}

std::vector<store::Value> search_args(store::Engine e, const SearchQuery& q) {
  std::vector<store::Value> args;
  if (q.terms.empty()) {
    // Filters only (kFilteredHits).
  } else if (e == store::Engine::sqlite) {
    // Each term a quoted FTS5 string (terms hold only letters and digits), ANDed.
    std::string match;
    for (const auto& t : q.terms) match += (match.empty() ? "\"" : " \"") + t + "\"";
    args.emplace_back(match);
  } else {
    std::string words;
    for (const auto& t : q.terms) words += (words.empty() ? "" : " ") + t;
    args.emplace_back(words);
    args.emplace_back(space_lexeme(q.space_id));
  }
  if (e == store::Engine::postgres && !q.terms.empty()) bind_readers_array(args, q.space_id, q.readers);
  else bind_readers(args, q.space_id, q.readers);
  if (filtered(q)) {
    args.emplace_back(q.topic);
    args.emplace_back(q.topic);
    args.emplace_back(q.organisation_id);
    args.emplace_back(q.organisation_id);
    for (int i = 0; i < 4; ++i) args.emplace_back(q.status);
  }
  if (!q.terms.empty()) {
    if (e == store::Engine::sqlite) args.emplace_back(kSearchWindow);  // kSqliteRecent
    else bind_readers_array(args, q.space_id, q.readers);            // the GIN matches' (`older`)
  }
  args.emplace_back(q.limit);
  args.emplace_back(q.offset);
  return args;
}

}  // namespace

SearchRows search(store::Conn& c, const SearchQuery& q) {
  const auto args = search_args(c.engine(), q);
  SearchRows out;
  for (const auto& r : c.query(search_sql(c.engine(), q), args)) {
    out.rows.push_back(story_from(r));
    out.window_full = r.i64(kStoryFieldCount) >= kSearchWindow;
  }
  return out;
}

std::string search_statement(store::Engine e, const SearchQuery& q) {
  const auto args = search_args(e, q);
  const auto& sql = search_sql(e, q);
  std::string out;
  std::size_t n = 0;
  char quote = 0;
  for (char ch : sql) {
    if (quote) {
      if (ch == quote) quote = 0;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
    } else if (ch == '?') {
      const auto& v = args.at(n++);
      if (const auto* i = std::get_if<std::int64_t>(&v)) {
        out += std::to_string(*i);
      } else if (const auto* t = std::get_if<std::string>(&v)) {
        out += '\'';
        for (char x : *t) out += x == '\'' ? std::string("''") : std::string(1, x);
        out += '\'';
      } else {
        out += "NULL";
      }
      continue;
    }
    out += ch;
  }
  return out;
}

std::vector<StoryDetails> details(store::Conn& c, const std::vector<std::int64_t>& story_ids) {
  if (story_ids.size() > kDetailsBatch) throw std::logic_error("stories: more results than a page of details holds");
  std::vector<store::Value> ids(story_ids.begin(), story_ids.end());
  ids.resize(kDetailsBatch, std::int64_t{0});
  std::vector<StoryDetails> out(story_ids.size());
  auto at = [&](std::int64_t id) -> StoryDetails* {
    auto it = std::find(story_ids.begin(), story_ids.end(), id);
    return it == story_ids.end() ? nullptr : &out[static_cast<std::size_t>(it - story_ids.begin())];
  };
  for (const auto& r : c.query(kTopicsOf, ids))
    if (auto* d = at(r.i64(0))) d->topics.push_back(r.text(1));
  for (const auto& r : c.query(kAboutOf, ids))
    if (auto* d = at(r.i64(0))) d->about.push_back(organisation_from(r, 1));
  for (const auto& r : c.query(kResponseCounts, ids))
    if (auto* d = at(r.i64(0))) d->responses = r.i64(1);
  return out;
}

std::vector<std::string> readable_topics(store::Conn& c, std::int64_t space_id, const Readers& who) {
  std::vector<store::Value> args;
  bind_readers(args, space_id, who);
  args.emplace_back(kTopicStories);
  std::vector<std::string> out;
  for (const auto& r : c.query(kReadableTopics, args)) out.push_back(r.text(0));
  return out;
}

void erase_person(store::Conn& c, std::int64_t user_id) {
  c.q(kEraseStories, user_id);
  c.q(kEraseResponses, user_id);
  c.q(kEraseSuggestions, user_id);
  c.q(kErasePartner, user_id);
}

}  // namespace hs::stories::repo
