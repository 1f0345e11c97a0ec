#pragma once
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/breakouts/commands/commands.hpp"  // re-exported: the use cases the report and demo drive

namespace hs::web {
class App;
}
namespace hs::store {
class Conn;
}

namespace hs::breakouts {

// Breakout rounds inside events: groups, prompts, notes, help; themes from the notes.
void register_module(web::App& app);

// `humanspace breakouts plan`: balanced breakout groups for every round of an event, from
// JSON on stdin to JSON on stdout.
// Reads {"people": [{"id": "a" | 1, "attributes": {"key": "value"}}], "group_size": {"min":
// 3, "max": 4}, "rounds": 4, "keep_apart": [[id, id]], "keep_together": [[id, id]],
// "seed": 1, "spread": ["key"] (optional: default every attribute except "host")} and
// returns {"rounds": [{"groups": [[id, ...], ...]}], "figures": {"repeat_meetings": n,
// "attribute_spread": {"key": deviation}, "violations": 0}} with ids exactly as given.
// Errors: breakouts_input_invalid, breakouts_id_duplicate, breakouts_person_unknown and
// those of plan_groups.
Result<std::string> plan_json(std::string_view input);

// The command: on success writes the plan to `out` and returns 0; otherwise writes the
// error's message key (and where in the input it is) to `err` and returns 1.
int plan_cli(std::istream& in, std::ostream& out, std::ostream& err);

// For "you said, we did" (the actions module), inside the caller's read or transaction: the
// themes of event reports by id, each with its event and the space the event belongs to, in
// one read whatever the number. Ids that name no theme (or one since removed) are left out.
struct ThemeRef {
  std::int64_t id = 0, event_id = 0, space_id = 0;
  std::string title, event_title;
};
std::vector<ThemeRef> theme_refs(store::Conn& c, const std::vector<std::int64_t>& theme_ids);

}  // namespace hs::breakouts
