#include "modules/breakouts/live.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/repo.hpp"
#include "modules/breakouts/rules/round.hpp"
#include "modules/events/module.hpp"
#include "services/coalescer.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::breakouts::live {

std::string part(Services& app, std::int64_t event_id) {
  namespace json = boost::json;
  // A round whose countdown has passed ends here too, not only when someone asks a page.
  commands::settle(app, event_id);
  return app.store->with([&](store::Conn& c) -> std::string {
    auto all = repo::rounds_of(c, event_id);
    if (all.empty()) return {};
    auto round = repo::running_round(c, event_id);
    if (!round) round = all.back();
    json::object o;
    // Every round's state: a page of one round reloads only when that round changes.
    json::object states;
    for (const auto& r : all) states[std::to_string(r.id)] = r.state;
    o["rounds"] = std::move(states);
    o["round"] = round->id;
    o["number"] = round->number;
    o["state"] = round->state;
    if (round->state == "running" && round->ends_at) {
      o["seconds_left"] = seconds_left(*round->ends_at, app.clock->now());
      // A snapshot is kept and handed to later listeners: the end itself stays true.
      o["ends_at"] = *round->ends_at;
      if (round->auto_end) {
        const auto now = app.clock->now();
        o["back_in"] = seconds_left(*round->ends_at + kBringBackSeconds, now);
        // The round ends when its minute has passed even if nobody asks for a page then:
        // this snapshot is built again just after (settle() above ends it), and the end
        // goes out to every screen.
        if (app.live) {
          const auto wait = std::max<std::int64_t>(0, *round->ends_at + kBringBackSeconds - now) + 1;
          app.live->refresh_at(events::live::topic(event_id),
                               std::chrono::steady_clock::now() + std::chrono::seconds(wait));
        }
      }
    }
    if (round->state == "running" && round->broadcast) {
      o["broadcast"] = *round->broadcast;
      o["broadcast_at"] = round->broadcast_at.value_or(0);
    }
    json::object notes;
    for (const auto& [group, count] : repo::note_counts(c, round->id)) notes[std::to_string(group)] = count;
    o["notes"] = std::move(notes);
    o["help"] = static_cast<std::int64_t>(repo::open_help(c, round->id).size());
    o["placed"] = repo::placed_count(c, round->id);
    return json::serialize(o);
  });
}

}  // namespace hs::breakouts::live
