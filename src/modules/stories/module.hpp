#pragma once
// Stories: people with lived experience tell a story in their own words, choosing who may
// read it and how they are shown, with their consent recorded; partners (who answer for an
// organisation the space lists) respond in public and the author may reply. The words stay
// the author's: facilitators hold a story back or suggest a change, never edit it; the
// author can withdraw it at any time, and it then disappears from every page and export
// but their own. Every step is in the space's decision log, without personal data.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/records.hpp"  // ConcernFacts, ConcernTotals
#include "services/fwd.hpp"

namespace hs::web {
class App;
}
namespace hs::store {
class Conn;
}

namespace hs::stories {

// Routes under /spaces/{slug}/stories: the list, new, mine (and mine.json), partners (and
// partners/organisations, partners/{user_id}/remove), consent, {id}, {id}/versions, {id}/edit, {id}/withdraw,
// {id}/hold, {id}/release, {id}/suggest, {id}/suggestions/{sid}, {id}/responses, {id}/responses/{rid}/edit. Also
// erasure and "download my data".
void register_module(web::App& app);

// For the demo seed and the command line, each in its own transaction with the same
// permission checks as the pages.
// A steward lists an organisation; returns its id.
Result<std::int64_t> list_organisation(Services& app, std::int64_t space_id, std::int64_t steward_id,
                                       const std::string& name);
// A steward gives the person with this account email the partner role for the organisation.
Result<void> add_partner(Services& app, std::int64_t space_id, std::int64_t steward_id, const std::string& email,
                         std::int64_t organisation_id);
// A member shares a story with the space's consent text agreed. audience: members |
// partners | anyone; shown_as: name | pseudonym | anonymous.
struct NewStory {
  std::string title, body, content_note, topics, audience, shown_as, pseudonym;
  std::vector<std::int64_t> about;  // organisation ids
};
Result<std::int64_t> share_story(Services& app, std::int64_t space_id, std::int64_t user_id, const NewStory& story);
// A partner's response, or the author's reply.
Result<std::int64_t> answer_story(Services& app, std::int64_t story_id, std::int64_t user_id, const std::string& body);

// For bench/stories only (hidden `humanspace stories bench-search`): each line of queries
// searched `runs` times in the space as the person (user_id 0: signed out) through the
// stories page's own search; prints result counts and p50/p99, and writes each statement
// with its parameters inlined (JSON lines) to statements_out for running on the engine.
int bench_search_cli(Services& app, const std::string& slug, std::int64_t user_id, int runs,
                     const std::string& statements_out, std::istream& queries, std::ostream& out);

// --- for "you said, we did" (the actions module), inside the caller's read or transaction

// An organisation the space lists.
struct OrganisationRef {
  std::int64_t id = 0;
  std::string name;
};
std::vector<OrganisationRef> organisations_of(store::Conn& c, std::int64_t space_id);
std::optional<OrganisationRef> organisation_of(store::Conn& c, std::int64_t space_id, std::int64_t organisation_id);
// The organisation a person answers for as a partner of the space (only while they hold
// the partner role).
std::optional<OrganisationRef> partner_organisation_of(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// The people who answer for the organisation now (partners of the space).
std::vector<std::int64_t> partners_of(store::Conn& c, std::int64_t space_id, std::int64_t organisation_id);

// A story as another module may refer to it: its title only when this person may read it.
struct StoryRef {
  std::int64_t id = 0;
  bool withdrawn = false;  // withdrawn by its author (or gone with their account)
  bool readable = false;   // this person may read it: then title is set
  std::string title;
};
// A story that is gone, or not the space's, reads as withdrawn. user_id 0 when signed out.
StoryRef story_ref(store::Conn& c, std::int64_t space_id, std::int64_t story_id, const spaces::Subject& subject,
                   std::int64_t user_id);
// The space's stories this person may read now (published or held), newest first.
std::vector<StoryRef> readable_stories(store::Conn& c, std::int64_t space_id, const spaces::Subject& subject,
                                       std::int64_t user_id);

// For the Care Opinion figures (records.hpp): the space's concerns, and their totals as
// SQL aggregates for pages that must not read a row per story.
std::vector<ConcernFacts> concerns(store::Conn& c, std::int64_t space_id);
ConcernTotals concern_totals(store::Conn& c, std::int64_t space_id);
// How many of these stories are concerns (as above) that got a partner's response.
std::int64_t answered_concerns_among(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& story_ids);

// Many stories as story_ref says each, in a few reads whatever the number (for a page of
// actions): in the order of the ids given.
std::vector<StoryRef> story_refs(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& story_ids,
                                 const spaces::Subject& subject, std::int64_t user_id);

// The storyteller to tell when something follows from their story (an action raised from
// it moves): only while the story stands (not withdrawn) in this space and its author's
// account does. Anonymous and pseudonymous stories too: the id is for emailing the author
// and nothing else, never to be shown.
struct Storyteller {
  std::int64_t author_id = 0;
  std::string title;
};
std::optional<Storyteller> storyteller(store::Conn& c, std::int64_t space_id, std::int64_t story_id);

// Lines another module adds under each of a person's own stories on their page (/mine),
// e.g. "An action from your story is now: change planned". Given the ids of the person's
// stories that stand, returns lines by story id, already in words. Registered at start-up.
using StoryNotes = std::function<std::map<std::int64_t, std::vector<std::string>>(
    Services& app, std::int64_t space_id, const std::vector<std::int64_t>& story_ids)>;
void add_story_notes(Services& app, StoryNotes source);

}  // namespace hs::stories
