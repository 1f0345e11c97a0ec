#include "modules/breakouts/live.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "modules/breakouts/repo.hpp"
#include "modules/breakouts/rules/round.hpp"
#include "store/db.hpp"
#include "web/app.hpp"

namespace hs::breakouts::live {

std::string part(web::App& app, std::int64_t event_id) {
  namespace json = boost::json;
  return app.store->with([&](store::Conn& c) -> std::string {
    auto round = repo::running_round(c, event_id);
    if (!round) {
      auto all = repo::rounds_of(c, event_id);
      if (all.empty()) return {};
      round = all.back();
    }
    json::object o;
    o["round"] = round->id;
    o["number"] = round->number;
    o["state"] = round->state;
    if (round->state == "running" && round->ends_at)
      o["seconds_left"] = seconds_left(*round->ends_at, app.clock->now());
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
