#pragma once
// The "you said, we did" use cases. Each command opens its transaction, checks the
// permission against the person's role as it is now, applies the rules, saves, and appends
// to the space's decision log (actions, stories and organisations by id; people only as
// audit::person_commitment; the words of an account or reason only as their SHA-256).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/actions/permissions.hpp"
#include "modules/actions/repo.hpp"
#include "modules/actions/rules/action.hpp"
#include "modules/actions/rules/figures.hpp"
#include "modules/actions/rules/paging.hpp"
#include "modules/breakouts/module.hpp"
#include "modules/decisions/module.hpp"
#include "modules/stories/module.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::actions::commands {

// Raises an action from a story the person may read, a decision of the space they may
// see, or (facilitators) a theme of the report of one of the space's events, owned by an
// organisation the space lists. Field errors as check_raise, and story
// (actions_source_required when the source is not one they may read or use), organisation
// (actions_organisation_required, actions_not_your_organisation).
Result<std::int64_t> raise(Services& app, std::int64_t space_id, std::int64_t user_id, const RaiseInput& in);
// Moves an action's status. Field errors as check_move; forbidden actions_not_owner. After
// it is saved, the storyteller of the story it was raised from is emailed (never when the
// story was withdrawn or their account erased).
Result<void> move(Services& app, std::int64_t action_id, std::int64_t user_id, const MoveInput& in);
// Stewards make the space's page public, or members only again.
Result<void> set_page_public(Services& app, std::int64_t space_id, std::int64_t user_id, bool on);

// --- reading ---------------------------------------------------------------------------
// The person as the space sees them now, with the organisation they answer for.
permissions::Actor actor(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id);
bool page_public(Services& app, std::int64_t space_id);

// A theme of an event report, as an action's source: its title (the facilitator's summary of
// what people said) and its event's only for those who may read the space's event reports.
struct ThemeSource {
  std::int64_t id = 0, event_id = 0;
  bool gone = false;      // taken out of the report since: nothing else is known
  bool readable = false;  // then title and event_title are set
  std::string title, event_title;
};
struct Shown {
  repo::ActionRow row;
  stories::StoryRef source;                        // when it comes from a story
  std::optional<decisions::DecisionRef> decision;  // when it comes from a decision
  std::optional<ThemeSource> theme;                // when it comes from a theme of an event report
  std::string organisation;
  std::vector<repo::UpdateRow> history;  // oldest first; the first is its raising
};
struct Board {
  std::vector<Shown> actions;  // newest first
  Figures figures;
  std::int64_t total = 0;  // every action the filter lets through, on all pages
  Paging paging;
};
// Every action of the space as this viewer may see its source, and the figures (for the
// exports): a fixed number of reads plus one per few hundred actions.
Board board(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id);
// One page of them, narrowed by status and owning organisation, and the figures of the
// whole space: the same reads whatever the number of actions.
struct BoardQuery {
  std::optional<int> page;           // as asked for; clamped to the pages there are
  std::string status;                // "" for any; otherwise a status (rules/action.hpp)
  std::int64_t organisation_id = 0;  // 0 for any
  int per_page = kPerPage;
};
Board board_page(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id,
                 const BoardQuery& q);

// Lines for a storyteller's own page: each action raised from one of these stories, with its
// status in words ("An action from your story is now: change planned").
std::map<std::int64_t, std::vector<std::string>> story_notes(Services& app, std::int64_t space_id,
                                                             const std::vector<std::int64_t>& story_ids);
// Actions already raised from this source (kind: story, decision or theme), newest first:
// the raising form shows them, so nobody raises the same one twice unknowing.
std::vector<repo::ActionRow> raised_from(Services& app, std::int64_t space_id, const std::string& kind,
                                         std::int64_t source_id);
std::optional<Shown> action(Services& app, std::int64_t space_id, std::int64_t action_id,
                            const spaces::Subject& subject, std::int64_t user_id);
std::vector<stories::OrganisationRef> organisations(Services& app, std::int64_t space_id);
std::vector<stories::StoryRef> sources(Services& app, std::int64_t space_id, const spaces::Subject& subject,
                                       std::int64_t user_id);
std::vector<decisions::DecisionRef> decision_sources(Services& app, std::int64_t space_id,
                                                     const spaces::Subject& subject);
// A theme of the report of one of the space's events (nothing for another space's).
std::optional<breakouts::ThemeRef> theme_source(Services& app, std::int64_t space_id, std::int64_t theme_id);

// Exports of the board: CSV (one row per action) and JSON (with each action's history).
std::string to_csv(const Board& b);
std::string to_json(const Board& b, const std::string& space_slug);

// Emails the owning partners of each open action once when its due date is near (or
// past), and once per stretch of kStaleDays without an update. Returns how many actions
// were reminded about.
int sweep(Services& app);

std::string export_person(store::Conn& c, std::int64_t user_id);
void erase_person(store::Conn& c, std::int64_t user_id);

}  // namespace hs::actions::commands
