#pragma once
// What the stories commands share.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/audit/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "modules/stories/permissions.hpp"
#include "modules/stories/repo.hpp"
#include "services/fwd.hpp"

namespace hs::stories::commands {

// The person as the story's space sees them now, and the story's facts.
permissions::Reader reader_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id,
                              const std::optional<std::int64_t>& author_id);
permissions::StoryFacts facts_of(const repo::StoryRow& s);
// A story with what its pages show, as this person (user_id 0 when signed out) sees it.
Shown shown_story(Services& app, store::Conn& c, repo::StoryRow row, const spaces::Subject& subject,
                  std::int64_t user_id);
// The same for many stories (a page of a list or of results), with their details read a
// batch at a time rather than story by story.
std::vector<Shown> shown_stories(Services& app, store::Conn& c, std::vector<repo::StoryRow> rows,
                                 const spaces::Subject& subject, std::int64_t user_id);
// Keeps the story's row of search words (migration 0026) in step with its words and
// responses, inside the caller's transaction: rewritten from the story as it stands, or
// removed once it is withdrawn or gone. Held stories stay indexed: the search reads
// their status and shows them only to those read_story allows.
void index_story(store::Conn& c, std::int64_t story_id);
// Appends to the story's space's decision log: ids, numbers and choices only.
Result<void> record(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                    const audit::Fields& data);
// Organisation ids that the space lists, or invalid (field "about").
Result<void> check_about(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& about);

}  // namespace hs::stories::commands
