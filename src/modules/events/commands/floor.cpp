// Speaking queues (floor.hpp): hands, turns and go-rounds, in the main room and in groups.
#include "modules/events/floor.hpp"

#include <algorithm>
#include <charconv>

#include "core/clock.hpp"
#include "modules/equity/module.hpp"
#include "modules/events/commands/commands.hpp"
#include "modules/events/floor_repo.hpp"
#include "modules/events/live.hpp"
#include "modules/events/permissions.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::events::floor {

namespace {

namespace fr = repo::floor;

// A go-round's people as stored: ids, comma-separated.
std::vector<std::int64_t> ids_of(const std::optional<std::string>& s) {
  std::vector<std::int64_t> out;
  if (!s) return out;
  const char* p = s->data();
  const char* end = p + s->size();
  while (p < end) {
    std::int64_t v = 0;
    auto [next, ec] = std::from_chars(p, end, v);
    if (ec == std::errc{}) out.push_back(v);
    p = next;
    while (p < end && *p == ',') ++p;
    if (ec != std::errc{}) break;
  }
  return out;
}

std::string text_of(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::string name_or_guest(Services& app, const std::string& name, std::int64_t participant_id) {
  if (!name.empty()) return name;
  return app.words->format("events_floor_guest", {{"number", std::to_string(participant_id)}});
}

// A host's write on the room's queue; the live channel hears of it after commit.
template <class F>
Result<bool> host_write(Services& app, const Room& room, bool host, F&& f) {
  if (!host) return fail(ErrorCode::forbidden, "events_forbidden");
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto fl = fr::get_or_make(c, room.event_id, room.group_id);
    return f(c, fl);
  });
  if (r) live::changed(app, room.event_id);
  return r;
}

// A go-round moves on: this person has spoken or passed.
void mark_done(store::Conn& c, const fr::FloorRow& fl, std::int64_t participant_id) {
  if (!fl.round_order) return;
  auto order = ids_of(fl.round_order);
  if (std::find(order.begin(), order.end(), participant_id) == order.end()) return;
  auto done = ids_of(fl.round_done);
  if (std::find(done.begin(), done.end(), participant_id) != done.end()) return;
  done.push_back(participant_id);
  fr::set_round(c, fl.id, fl.round_order, text_of(done));
}

}  // namespace

State state(Services& app, const Room& room) {
  const auto now = app.clock->now();
  return app.store->with([&](store::Conn& c) {
    State s;
    auto fl = fr::find(c, room.event_id, room.group_id);
    if (!fl) return s;
    s.open = fl->open;
    s.progressive = fl->progressive;
    s.version = fl->version;
    // Talk time and turns so far, by person (the open turn counts up to now).
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> spoken;  // id -> turns, seconds
    for (const auto& t : fr::turns(c, fl->id)) {
      auto& [turns, seconds] = spoken[t.participant_id];
      ++turns;
      seconds += t.seconds ? *t.seconds : std::max<std::int64_t>(0, now - t.started_at);
      if (!t.seconds) {
        s.speaker_id = t.participant_id;
        s.speaking_since = t.started_at;
      }
    }
    std::vector<equity::Hand> hands;
    std::map<std::int64_t, std::string> names;
    for (const auto& h : fr::hands(c, fl->id)) {
      const auto& [turns, seconds] = spoken[h.participant_id];
      hands.push_back(equity::Hand{h.participant_id, h.raised_at, seconds, turns});
      names[h.participant_id] = name_or_guest(app, h.name, h.participant_id);
    }
    for (const auto& h : equity::queue_order(hands, fl->progressive))
      s.queue.push_back(Queued{h.participant_id, names[h.participant_id], h.raised_at, h.turns, h.spoken_seconds});
    std::vector<std::int64_t> wanted;
    if (s.speaker_id) wanted.push_back(*s.speaker_id);
    if (fl->round_order) {
      s.round_on = true;
      const auto order = ids_of(fl->round_order);
      const auto done = ids_of(fl->round_done);
      s.round_total = static_cast<std::int64_t>(order.size());
      s.round_done = static_cast<std::int64_t>(done.size());
      s.round_next = equity::next_in_round(order, done);
      wanted.insert(wanted.end(), order.begin(), order.end());
      for (auto id : order)
        s.round_people.push_back(
            {id, "", std::find(done.begin(), done.end(), id) != done.end()});
    }
    auto more = fr::names(c, wanted);
    for (auto& p : s.round_people) p.name = name_or_guest(app, more[p.participant_id], p.participant_id);
    if (s.speaker_id) s.speaker_name = name_or_guest(app, more[*s.speaker_id], *s.speaker_id);
    if (s.round_next) s.round_next_name = name_or_guest(app, more[s.round_next], s.round_next);
    for (const auto& [id, ts] : spoken)
      if (ts.second > 0 || ts.first > 0) s.talk_seconds.push_back(ts.second);
    std::sort(s.talk_seconds.begin(), s.talk_seconds.end(), std::greater<>());
    return s;
  });
}

std::map<std::int64_t, std::int64_t> turns_by_participant(Services& app, const Room& room) {
  return app.store->with([&](store::Conn& c) {
    std::map<std::int64_t, std::int64_t> out;
    if (auto fl = fr::find(c, room.event_id, room.group_id))
      for (const auto& t : fr::turns(c, fl->id)) ++out[t.participant_id];
    return out;
  });
}

std::map<std::int64_t, std::int64_t> versions(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) { return fr::versions(c, event_id); });
}

Result<bool> raise_hand(Services& app, const commands::Access& a, const Room& room) {
  if (!take_part(a.standing) || a.stepped_out) return fail(ErrorCode::forbidden, "events_forbidden");
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto fl = fr::get_or_make(c, room.event_id, room.group_id);
    if (room.group_id == 0 && !fl.open) return fail(ErrorCode::conflict, "events_floor_closed");
    const auto me = commands::participant_for(c, a, app.clock->now());
    if (auto t = fr::open_turn(c, fl.id); t && t->participant_id == me) return true;  // speaking already
    fr::raise(c, fl.id, me, app.clock->now());
    fr::touch(c, fl.id);
    return true;
  });
  if (r) live::changed(app, room.event_id);
  return r;
}

Result<bool> lower_hand(Services& app, const commands::Access& a, const Room& room) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto me = commands::existing_participant(c, a);
    auto fl = fr::find(c, room.event_id, room.group_id);
    if (!me || !fl) return true;
    if (fr::lower(c, fl->id, *me)) fr::touch(c, fl->id);
    return true;
  });
  if (r) live::changed(app, room.event_id);
  return r;
}

Result<bool> pass(Services& app, const commands::Access& a, const Room& room, bool host,
                  std::optional<std::int64_t> participant_id) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto fl = fr::find(c, room.event_id, room.group_id);
    if (!fl || !fl->round_order) return fail(ErrorCode::conflict, "events_floor_no_round");
    const auto next = equity::next_in_round(ids_of(fl->round_order), ids_of(fl->round_done));
    auto me = commands::existing_participant(c, a);
    // The person invited passes; the host may pass for them (someone who has gone quiet).
    const bool mine = me && *me == next;
    if (!mine && !(host && participant_id && *participant_id == next))
      return fail(ErrorCode::conflict, "events_floor_not_your_turn");
    mark_done(c, *fl, next);
    fr::touch(c, fl->id);
    return true;
  });
  if (r) live::changed(app, room.event_id);
  return r;
}

Result<bool> set_open(Services& app, const Room& room, bool host, bool open) {
  return host_write(app, room, host, [&](store::Conn& c, const fr::FloorRow& fl) -> Result<bool> {
    fr::set_open(c, fl.id, open);
    return true;
  });
}

Result<bool> set_progressive(Services& app, const Room& room, bool host, bool progressive) {
  return host_write(app, room, host, [&](store::Conn& c, const fr::FloorRow& fl) -> Result<bool> {
    fr::set_progressive(c, fl.id, progressive);
    return true;
  });
}

Result<bool> give_floor(Services& app, const Room& room, bool host, std::int64_t participant_id,
                        const std::vector<std::int64_t>& present) {
  return host_write(app, room, host, [&](store::Conn& c, const fr::FloorRow& fl) -> Result<bool> {
    if (std::find(present.begin(), present.end(), participant_id) == present.end() ||
        !fr::in_event(c, room.event_id, participant_id))
      return fail(ErrorCode::conflict, "events_floor_not_here");
    const auto now = app.clock->now();
    if (auto t = fr::open_turn(c, fl.id); t && t->participant_id == participant_id) return true;
    fr::end_turn(c, fl.id, now);
    fr::start_turn(c, fl.id, participant_id, now);
    fr::lower(c, fl.id, participant_id);
    mark_done(c, fl, participant_id);
    fr::touch(c, fl.id);
    return true;
  });
}

Result<bool> end_turn(Services& app, const Room& room, bool host) {
  return host_write(app, room, host, [&](store::Conn& c, const fr::FloorRow& fl) -> Result<bool> {
    fr::end_turn(c, fl.id, app.clock->now());
    fr::touch(c, fl.id);
    return true;
  });
}

Result<bool> start_round(Services& app, const Room& room, bool host, const std::vector<std::int64_t>& order) {
  if (order.empty()) return fail(ErrorCode::conflict, "events_floor_round_empty");
  return host_write(app, room, host, [&](store::Conn& c, const fr::FloorRow& fl) -> Result<bool> {
    fr::set_round(c, fl.id, text_of(order), std::string());
    return true;
  });
}

Result<bool> stop_round(Services& app, const Room& room, bool host) {
  return host_write(app, room, host, [&](store::Conn& c, const fr::FloorRow& fl) -> Result<bool> {
    fr::set_round(c, fl.id, std::nullopt, std::nullopt);
    return true;
  });
}

}  // namespace hs::events::floor
