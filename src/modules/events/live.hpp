#pragma once
// The live channel: one topic per event ("event:<id>"), changes coalesced to a few
// snapshots a second.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "modules/events/permissions.hpp"
#include "services/fwd.hpp"

namespace hs::events::commands {
struct Current;
}
namespace hs::events {
struct ItemRow;
}

namespace hs::events::live {

std::string topic(std::int64_t event_id);
// Registers the snapshot builder with the server's coalescer (app.live).
void start(Services& app);
// After a commit: the event's snapshot is due.
void changed(Services& app, std::int64_t event_id);
// The public state of an event as JSON (what every viewer may see).
std::string snapshot(Services& app, std::int64_t event_id);

// What the participant and presenter pages draw of the current item (nothing on: null),
// and what the run page draws besides (from a Current built for those who run the
// event): short signatures, in every snapshot as `sig` and `staff`, and on the pages,
// so live.js fetches a page again exactly when what it shows has changed.
std::string page_signature(const commands::Current* cur);
std::string staff_signature(const std::vector<ItemRow>& agenda, const commands::Current* cur);
// The run page's spread of who has been heard follows the event's total of contributions:
// its own signature, so the presenter screen and phones are not fetched again for it.
std::string spread_signature(std::int64_t contributions);

// Another module's part of every snapshot, under `key` (e.g. "breakouts"): JSON text
// of what every viewer of the event may see, or "" for none. Registered at start-up, per server.
using Part = std::function<std::string(Services&, std::int64_t event_id)>;
void add_part(Services& app, std::string key, Part part);

// A link another module puts on the event's participant page while it matters (e.g.
// "Breakout round 2 is on now: go to your group"). Registered at start-up, per server.
struct PageLink {
  std::string text, href;
  // Something happening now (a breakout round running): the run page shows it apart, at
  // the top, so a facilitator back from elsewhere sees it first.
  bool now = false;
};
using LinkSource = std::function<std::optional<PageLink>(Services&, std::int64_t event_id)>;
void add_page_link(Services& app, LinkSource source);
std::vector<PageLink> page_links(Services& app, std::int64_t event_id);

// A page another module keeps for the event (breakouts, themes, the report), linked from
// the run page, the event page and the presenter for those whose standing lets them
// use it; nothing for everyone else. Registered at start-up, per server.
using ToolSource = std::function<std::optional<PageLink>(Services&, std::int64_t event_id, Standing)>;
void add_tool_link(Services& app, ToolSource source);
std::vector<PageLink> tool_links(Services& app, std::int64_t event_id, Standing standing);

}  // namespace hs::events::live
