// Who is at the event now, and what follows from it: rounds place the people who are
// here (services/presence.hpp counts them), names are told apart, and a round that ends by
// itself ends when its countdown has passed.
#include "services/presence.hpp"

#include <algorithm>

#include "core/number.hpp"
#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/commands/support.hpp"
#include "modules/events/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::breakouts::commands {

std::string presence_key(std::int64_t participant_id) { return "p" + std::to_string(participant_id); }

void mark_present(Services& app, std::int64_t event_id, std::int64_t participant_id) {
  if (app.presence) app.presence->seen(events::live::topic(event_id), presence_key(participant_id), app.clock->now());
}

std::set<std::int64_t> present_ids(Services& app, std::int64_t event_id) {
  std::set<std::int64_t> out;
  if (!app.presence) return out;
  for (const auto& k : app.presence->present(events::live::topic(event_id), app.clock->now(), kPresentWindow))
    if (auto id = number::whole(std::string_view(k).substr(1))) out.insert(*id);
  return out;
}

std::map<std::int64_t, std::string> names(Services& app, store::Conn& c, std::int64_t event_id) {
  auto all = repo::everyone(c, event_id);
  std::vector<std::string> plain;
  plain.reserve(all.size());
  for (const auto& p : all) plain.push_back(person_name(app, c, p.user_id, p.nickname, p.participant_id));
  auto told = told_apart(plain);
  std::map<std::int64_t, std::string> out;
  for (std::size_t i = 0; i < all.size(); ++i) out.emplace(all[i].participant_id, std::move(told[i]));
  return out;
}

std::vector<repo::PoolRow> present_pool(Services& app, store::Conn& c, std::int64_t event_id) {
  auto here = present_ids(app, event_id);
  auto pool = repo::pool(c, event_id);
  std::erase_if(pool, [&](const auto& p) { return !here.count(p.participant_id); });
  return pool;
}

std::vector<Member> present_people(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) {
    auto named = names(app, c, event_id);
    std::vector<Member> out;
    for (const auto& p : present_pool(app, c, event_id))
      out.push_back(
          {p.participant_id, named[p.participant_id], p.role && (*p.role == "facilitator" || *p.role == "steward")});
    return out;
  });
}

bool settle(Services& app, std::int64_t event_id) {
  const auto now = app.clock->now();
  auto due = [&](const std::optional<repo::RoundRow>& r) { return r && due_to_end(r->ends_at, r->auto_end, now); };
  if (!due(app.store->with([&](store::Conn& c) { return repo::running_round(c, event_id); }))) return false;
  auto ended = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto r = repo::running_round(c, event_id);  // again, inside the transaction: once only
    if (!due(r)) return false;
    repo::set_state(c, r->id, "ended", r->started_at, r->ends_at, *r->ends_at + kBringBackSeconds);
    return true;
  });
  if (ended && *ended) events::live::changed(app, event_id);
  return ended && *ended;
}

}  // namespace hs::breakouts::commands
