#pragma once
// The stories use cases. Each command opens its transaction, checks the permission
// against the person's role as it is now, applies the rules, saves, and appends to the
// space's decision log (stories and organisations by id only: no words, no people).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/stories/permissions.hpp"
#include "modules/stories/repo.hpp"
#include "modules/stories/rules/story.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::stories::commands {

// The consent text a story's author agrees to: the space's own newest version, else the
// built-in text (version 0). sha256 is what is recorded with the story.
struct Consent {
  std::int64_t version = 0;
  std::string body, sha256;
};
Consent consent(Services& app, std::int64_t space_id);
// Stewards write the space's own consent text: a new version, which stories shared or
// changed from now on record; earlier stories keep the version their authors agreed to.
Result<std::int64_t> set_consent_text(Services& app, std::int64_t space_id, std::int64_t user_id,
                                      const std::string& body);

// Shares a story (published at once) about the chosen organisations of the space.
// Field errors as validate_story, and "about" (stories_about_invalid).
Result<std::int64_t> share_story(Services& app, std::int64_t space_id, std::int64_t user_id, const StoryInput& in,
                                 const std::vector<std::int64_t>& about);
// The author's edit: a new version when the words changed; choices and consent renewed.
Result<void> edit_story(Services& app, std::int64_t story_id, std::int64_t user_id, const StoryInput& in,
                        const std::vector<std::int64_t>& about);
Result<void> withdraw_story(Services& app, std::int64_t story_id, std::int64_t user_id);
Result<void> hold_story(Services& app, std::int64_t story_id, std::int64_t user_id, const std::string& reason);
Result<void> release_story(Services& app, std::int64_t story_id, std::int64_t user_id);

struct SuggestionInput {
  std::string reason, title, body, content_note;
};
Result<std::int64_t> suggest_change(Services& app, std::int64_t story_id, std::int64_t user_id,
                                    const SuggestionInput& in);
// The author accepts (the suggested words become their next version) or rejects.
Result<void> decide_suggestion(Services& app, std::int64_t story_id, std::int64_t suggestion_id, std::int64_t user_id,
                               bool accept);

// A partner's response for their organisation, or the author's reply: which one follows
// from who answers. The author is emailed about a partner's response after commit.
Result<std::int64_t> answer(Services& app, std::int64_t story_id, std::int64_t user_id, const std::string& body);
// Its writer changes a response or reply; the earlier words stay as versions.
Result<void> edit_response(Services& app, std::int64_t story_id, std::int64_t response_id, std::int64_t user_id,
                           const std::string& body);

// Stewards: list an organisation; give a person (by account email) the partner role for one.
Result<std::int64_t> add_organisation(Services& app, std::int64_t space_id, std::int64_t user_id,
                                      const std::string& name);
Result<void> add_partner(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& email,
                         std::int64_t organisation_id);

// Stewards end a person's partner role; their responses stay, for their organisation.
Result<void> remove_partner(Services& app, std::int64_t space_id, std::int64_t user_id, std::int64_t partner_id);

// --- reading ---------------------------------------------------------------------------
// A story with what its pages show, as this person may see it.
struct Shown {
  repo::StoryRow row;
  permissions::Reader reader;
  permissions::StoryFacts facts;
  std::string author;  // as shown to everyone: name or pseudonym; "" when anonymous
  std::vector<std::string> topics;
  std::vector<repo::Organisation> about;
  std::int64_t responses = 0;
};
// The story when it belongs to the space (whatever its state; the caller checks
// permissions::read_story). subject: the viewer in the space; user_id 0 when signed out.
std::optional<Shown> story(Services& app, std::int64_t space_id, std::int64_t story_id, const spaces::Subject& subject,
                           std::int64_t user_id);
// The space's stories this person may read, newest first.
std::vector<Shown> readable(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id);
// The person's own stories in the space, withdrawn too.
std::vector<Shown> mine(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id);
// What other modules say under the person's own stories (add_story_notes in module.hpp).
std::map<std::int64_t, std::vector<std::string>> story_notes(Services& app, std::int64_t space_id,
                                                             const std::vector<std::int64_t>& story_ids);

struct ShownResponse {
  repo::ResponseRow row;
  std::string by;                              // the organisation, or the author as the story shows them
  std::vector<repo::ResponseVersion> earlier;  // before the newest, oldest first
};
std::vector<ShownResponse> responses(Services& app, const Shown& s);
std::optional<repo::SuggestionRow> open_suggestion(Services& app, std::int64_t story_id);
std::vector<repo::VersionRow> versions(Services& app, std::int64_t story_id);  // oldest first
std::vector<repo::Organisation> organisations(Services& app, std::int64_t space_id);
std::optional<repo::Organisation> partner_organisation(Services& app, std::int64_t space_id, std::int64_t user_id);
struct PartnerShown {
  std::int64_t user_id = 0;
  std::string name;
  std::string organisation;
};
std::vector<PartnerShown> partners(Services& app, std::int64_t space_id);

// Full-text search of the space's stories and their responses, as this person may read
// them (permissions::read_story, applied in SQL). Words are stemmed in the space's
// language, so "respecting" finds "respect"; every word must be found in the story or
// its responses. Best match first, then newest. Filters without words list the readable
// stories that pass them, newest first.
struct SearchInput {
  std::string words;
  std::string topic;                 // "" for any
  std::int64_t organisation_id = 0;  // 0 for any
  std::string status;                // "" | responded | awaiting | held; anything else is ignored
  std::int64_t page = 1;             // from 1; out of range reads as 1
};
inline constexpr std::int64_t kSearchPageSize = 20;
inline constexpr std::int64_t kSearchPagesMax = 50;
// Searches rank the newest this many matches (repo::search); the pages stay within them.
inline constexpr std::int64_t kSearchWindow = repo::kSearchWindow;
static_assert(kSearchPagesMax * kSearchPageSize <= kSearchWindow, "the last page of results lies past the window");
inline constexpr std::size_t kSearchWordsMax = 200;  // characters of a query read
struct SearchResult {
  bool searched = false;  // words to search for, or a filter chosen
  std::vector<Shown> stories;
  bool more = false;  // a next page exists
  std::int64_t page = 1;
  // More stories matched than were ranked: the results are the best among the newest
  // repo::kSearchWindow matches (the page says so).
  bool window_full = false;
};
SearchResult search(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id,
                    const SearchInput& in);
// The topics of the space's newest stories this person may read (repo::kTopicStories), for
// the search's filter.
std::vector<std::string> readable_topics(Services& app, std::int64_t space_id, const spaces::Subject& subject,
                                         std::int64_t user_id);
// The language a space's stories are stemmed in (ISO 639-1). Spaces have no language
// setting yet, so English: when they do, this reads it and index_unindexed re-stems.
std::string search_language(store::Conn& c, std::int64_t space_id);
// Indexes stories that have no search row (shared before migration 0026), in batches of
// their own transactions; returns how many. Cheap when there are none: one query.
std::int64_t index_unindexed(Services& app);

// The person's stories in every space (withdrawn ones too), with every version and the
// responses: their download, and their section of "download my data".
std::string export_person(Services& app, store::Conn& c, std::int64_t user_id);
// Only the stories of one space, for the download on the space's pages.
std::string export_stories(Services& app, std::int64_t space_id, std::int64_t user_id);
void erase_person(store::Conn& c, std::int64_t user_id);

}  // namespace hs::stories::commands
