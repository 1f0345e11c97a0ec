#pragma once
// "You said, we did": an action is raised from a story or a decision (by facilitators,
// stewards, or a partner for their own organisation) or from a theme of an event report
// (by facilitators), owned by an organisation the space lists, and
// moves raised -> being looked at -> change planned -> change made, or not changing
// (rules/action.hpp has the contract). "Change made" needs what changed, "not changing" a
// reason. Every raise and move is in the space's decision log. Each space has a page of its
// actions with the Care Opinion figures, public when its stewards allow, with CSV, JSON and
// Atom; the owning partners are reminded before a due date and after 30 days without news,
// and the storyteller is told (by email and on their page of their stories) when an action
// raised from their story moves.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "services/fwd.hpp"

namespace hs::web {
class App;
}

namespace hs::actions {

// Routes under /spaces/{slug}/actions: the page, new, settings, export.csv, export.json,
// feed.atom, {id}, {id}/status. Also erasure and "download my data".
void register_module(web::App& app);

// For the demo seed and tests, each in its own transaction with the pages' checks.
// due_on: YYYY-MM-DD or empty.
Result<std::int64_t> raise_action(Services& app, std::int64_t space_id, std::int64_t user_id, std::int64_t story_id,
                                  std::int64_t organisation_id, const std::string& title, const std::string& details,
                                  const std::string& due_on);
// From a theme of the report of one of the space's events (facilitators).
Result<std::int64_t> raise_action_from_theme(Services& app, std::int64_t space_id, std::int64_t user_id,
                                             std::int64_t theme_id, std::int64_t organisation_id,
                                             const std::string& title, const std::string& details,
                                             const std::string& due_on);
// to: looking_at | planned | made | not_changing; text: the note, what changed (made) or
// the reason (not changing); link: optional, for made.
Result<void> move_action(Services& app, std::int64_t action_id, std::int64_t user_id, const std::string& to,
                         const std::string& text, const std::string& link = "");
Result<void> set_page_public(Services& app, std::int64_t space_id, std::int64_t steward_id, bool on);

// Emails the reminders that are due (before a due date; after 30 days without an update)
// to the owning organisation's partners (its facilitators while nobody answers for it),
// each once, even with several servers sweeping. Run by `humanspace serve` every few
// minutes and by `humanspace remind`. Returns how many actions were reminded about.
int sweep(Services& app);

// --- for other modules (a conversation linked to an action) ------------------------------

// An action as another module may name it: its id and title.
struct ActionRef {
  std::int64_t id = 0;
  std::string title;
};
// The space's actions this person may see (its page's rule: anyone with a role in the
// space, everyone when its stewards made the page public), newest first.
std::vector<ActionRef> visible_actions(Services& app, std::int64_t space_id, std::int64_t user_id);

}  // namespace hs::actions
