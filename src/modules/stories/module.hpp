#pragma once
// Stories: people with lived experience tell a story in their own words, choosing who may
// read it and how they are shown, with their consent recorded; partners (who answer for an
// organisation the space lists) respond in public and the author may reply. The words stay
// the author's: facilitators hold a story back or suggest a change, never edit it; the
// author can withdraw it at any time, and it then disappears from every page and export
// but their own. Every step is in the space's decision log, without personal data.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "services/fwd.hpp"

namespace hs::web {
class App;
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

}  // namespace hs::stories
