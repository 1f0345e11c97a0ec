// Who is at the event now, and what follows from it: rounds place the people who are
// here (web/presence.hpp counts them), names are told apart, and a round that ends by
// itself ends when its countdown has passed.
#include "web/presence.hpp"

#include <algorithm>

#include "core/number.hpp"
#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/commands/support.hpp"
#include "modules/events/live.hpp"
#include "store/db.hpp"
#include "web/app.hpp"

namespace hs::breakouts::commands {

namespace {

std::string key_of(std::int64_t participant_id) { return "p" + std::to_string(participant_id); }

// The person behind a request at an event: their participant record's key, or "".
std::string who_at(web::Context& ctx, std::int64_t event_id) {
  std::optional<std::int64_t> uid;
  if (ctx.viewer) uid = ctx.viewer->user_id;
  auto a = events::commands::access(ctx.app, event_id, uid, ctx.cookie("participant"));
  if (!a || !a->participant_id || a->stepped_out) return {};
  return key_of(*a->participant_id);
}

}  // namespace

void watch_presence(web::App& app) {
  app.presence_key = [](web::Context& ctx, const std::string& topic) -> std::string {
    constexpr std::string_view kPrefix = "event:";
    if (!topic.starts_with(kPrefix)) return {};
    auto id = number::whole(std::string_view(topic).substr(kPrefix.size()));
    return id ? who_at(ctx, *id) : std::string();
  };
  // Without JavaScript a page load is the sign of life: the event's page, and the
  // breakout pages (a member who picks a group takes part from then on).
  app.page_seen = [](web::Context& ctx, std::string_view pattern) {
    if (!ctx.app.presence) return;
    if (pattern != "/events/{id}" && !pattern.starts_with("/events/{id}/breakouts")) return;
    auto id = number::whole(ctx.param("id"));
    if (!id) return;
    auto who = who_at(ctx, *id);
    if (!who.empty()) ctx.app.presence->seen(events::live::topic(*id), who, ctx.app.clock->now());
  };
}

void mark_present(web::App& app, std::int64_t event_id, std::int64_t participant_id) {
  if (app.presence) app.presence->seen(events::live::topic(event_id), key_of(participant_id), app.clock->now());
}

std::set<std::int64_t> present_ids(web::App& app, std::int64_t event_id) {
  std::set<std::int64_t> out;
  if (!app.presence) return out;
  for (const auto& k : app.presence->present(events::live::topic(event_id), app.clock->now(), kPresentWindow))
    if (auto id = number::whole(std::string_view(k).substr(1))) out.insert(*id);
  return out;
}

std::map<std::int64_t, std::string> names(web::App& app, store::Conn& c, std::int64_t event_id) {
  auto all = repo::everyone(c, event_id);
  std::vector<std::string> plain;
  plain.reserve(all.size());
  for (const auto& p : all) plain.push_back(person_name(app, c, p.user_id, p.nickname, p.participant_id));
  auto told = told_apart(plain);
  std::map<std::int64_t, std::string> out;
  for (std::size_t i = 0; i < all.size(); ++i) out.emplace(all[i].participant_id, std::move(told[i]));
  return out;
}

std::vector<repo::PoolRow> present_pool(web::App& app, store::Conn& c, std::int64_t event_id) {
  auto here = present_ids(app, event_id);
  auto pool = repo::pool(c, event_id);
  std::erase_if(pool, [&](const auto& p) { return !here.count(p.participant_id); });
  return pool;
}

std::vector<Member> present_people(web::App& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) {
    auto named = names(app, c, event_id);
    std::vector<Member> out;
    for (const auto& p : present_pool(app, c, event_id))
      out.push_back(
          {p.participant_id, named[p.participant_id], p.role && (*p.role == "facilitator" || *p.role == "steward")});
    return out;
  });
}

bool settle(web::App& app, std::int64_t event_id) {
  const auto now = app.clock->now();
  auto due = [&](const std::optional<repo::RoundRow>& r) { return r && due_to_end(r->ends_at, r->auto_end, now); };
  if (!due(app.store->with([&](store::Conn& c) { return repo::running_round(c, event_id); }))) return false;
  auto ended = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto r = repo::running_round(c, event_id);  // again, inside the transaction: once only
    if (!due(r)) return false;
    repo::set_state(c, r->id, "ended", r->started_at, r->ends_at, *r->ends_at + kBringBackSeconds);
    return true;
  });
  if (ended && *ended) events::live::changed(event_id);
  return ended && *ended;
}

}  // namespace hs::breakouts::commands
