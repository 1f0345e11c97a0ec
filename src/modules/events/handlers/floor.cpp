// The speaking queue on a page (the "floor" partial) and its forms, for the main room here
// and for breakout groups (the breakouts module calls add_floor and floor_action).
#include <algorithm>
#include <cctype>

#include "core/number.hpp"
#include "core/view.hpp"
#include "modules/equity/module.hpp"
#include "modules/events/handlers/common.hpp"
#include "modules/events/handlers/handlers.hpp"
#include "modules/events/module.hpp"
#include "modules/events/permissions.hpp"
#include "web/render.hpp"

namespace hs::events {

using web::Context;
using web::Response;

namespace {

std::string talk_time(Context& c, std::int64_t seconds) {
  if (seconds < 60) return c.app.renderer->format("events_floor_seconds", {{"seconds", std::to_string(seconds)}});
  return c.app.renderer->format("events_floor_minutes",
                                {{"minutes", std::to_string(seconds / 60)}, {"seconds", std::to_string(seconds % 60)}});
}

std::string hands_text(Context& c, std::size_t hands) {
  return hands == 0   ? c.t("events_floor_hands_none")
         : hands == 1 ? c.t("events_floor_hands_one")
                      : c.app.renderer->format("events_floor_hands_n", {{"count", std::to_string(hands)}});
}

}  // namespace

void handlers::add_stage_floor(Context& c, web::View& v, std::int64_t event_id) {
  const auto s = floor::state(c.app, floor::Room{event_id, 0});
  v.set("floor_version", s.version);
  if (!s.open) return;
  View f;
  f.set("speaking_text", s.speaker_id ? c.app.renderer->format("events_floor_speaking", {{"name", s.speaker_name}})
                                      : c.t("events_floor_nobody_speaking"));
  f.set("hands_text", hands_text(c, s.queue.size()));
  v.set("stage_floor", std::move(f));
}

void add_floor(Context& c, View& v, const FloorPage& page) {
  const auto s = floor::state(c.app, page.room);
  View f;
  f.set("base", page.base);
  const bool main_room = page.room.group_id == 0;
  const bool closed = main_room && !s.open;
  v.set("floor_version", s.version);
  // A closed main-room queue is only its hosts' business (the button that opens it).
  if (closed && !page.host) return;
  f.set("queue_closed", closed);
  f.set("queue_open", s.open);
  f.set("main_room_host", main_room && page.host);
  const bool you = page.me && s.speaker_id == page.me;
  f.set("you_speaking", you);
  f.set("speaking_text", s.speaker_id ? c.app.renderer->format("events_floor_speaking", {{"name", s.speaker_name}})
                                      : c.t("events_floor_nobody_speaking"));
  // The person's own hand and place.
  f.set("may_raise", page.taking_part);
  if (page.me) {
    auto it = std::find_if(s.queue.begin(), s.queue.end(), [&](const auto& q) { return q.participant_id == *page.me; });
    if (it != s.queue.end()) {
      f.set("hand_up", true);
      f.set("place_text", c.app.renderer->format(
                              s.progressive ? "events_floor_my_place_progressive" : "events_floor_my_place",
                              {{"position", std::to_string(it - s.queue.begin() + 1)}}));
    }
  }
  const auto hands = s.queue.size();
  // What the last press did, said where the page lands (#floor), as the live update
  // would show it: a host otherwise sees the same page come back and may press again.
  // (A raised hand says so already, with its place.)
  const auto done = c.query_param("floor_done");
  for (const char* known : {"lower", "pass", "give", "end", "progressive", "round", "round-stop", "open", "close"})
    if (done == known) {
      std::string key = std::string("events_floor_done_") + known;
      std::replace(key.begin(), key.end(), '-', '_');
      f.set("done_text", c.t(key));
    }
  if (main_room && page.host && s.open && hands > 0)
    f.set("close_warning", hands == 1 ? c.t("events_floor_close_warning_one")
                                      : c.app.renderer->format("events_floor_close_warning",
                                                               {{"count", std::to_string(hands)}}));
  f.set("hands_text", hands_text(c, hands));
  // The go-round.
  if (s.round_on) {
    View r;
    r.set("round_text", c.app.renderer->format("events_floor_round", {{"done", std::to_string(s.round_done)},
                                                                 {"total", std::to_string(s.round_total)}}));
    View order = View::list();
    for (const auto& p : s.round_people) {
      View x;
      x.set("name", p.name);
      x.set("done", p.done);
      x.set("now", p.participant_id == s.round_next);
      order.push(std::move(x));
    }
    r.set("order", std::move(order));
    if (s.round_next) {
      r.set("next_text", c.app.renderer->format("events_floor_round_next", {{"name", s.round_next_name}}));
      r.set("my_turn", page.me && *page.me == s.round_next && !you);
    } else {
      r.set("round_finished", true);
    }
    f.set("go_round", std::move(r));
  }
  // Talk time, unnamed: one bar a person who has spoken for at least a second, longest
  // first, across 320 units (each at least 4 wide, so a short turn still shows).
  std::vector<std::int64_t> spoke;
  for (auto t : s.talk_seconds)
    if (t > 0) spoke.push_back(t);
  std::int64_t total = 0;
  for (auto t : spoke) total += t;
  if (spoke.empty()) {
    f.set("talk_summary", c.t(s.speaker_id ? "events_floor_talk_first" : "events_floor_talk_none"));
  } else if (spoke.size() == 1) {
    f.set("talk_summary", c.t("events_floor_talk_summary_one"));
  } else {
    const auto share = (spoke.front() * 100 + total / 2) / total;
    f.set("talk_summary", c.app.renderer->format("events_floor_talk_summary",
                                                 {{"people", std::to_string(spoke.size())},
                                                  {"share", std::to_string(share)}}));
  }
  if (spoke.size() > 1) {
    View bars = View::list();
    static const char* kFills[] = {"#1d70b8", "#5694ca"};  // alternate, so neighbours are told apart
    constexpr std::int64_t kMin = 4;
    const auto room = 320 - kMin * static_cast<std::int64_t>(spoke.size());
    std::int64_t x = 0;
    for (std::size_t i = 0; i < spoke.size(); ++i) {
      const auto w = i + 1 == spoke.size() ? 320 - x : kMin + spoke[i] * room / total;
      View b;
      b.set("x", std::to_string(x));
      b.set("width", std::to_string(std::max<std::int64_t>(1, w - 1)));
      b.set("fill", kFills[i % 2]);
      bars.push(std::move(b));
      x += w;
    }
    f.set("bars", std::move(bars));
    f.set("has_bars", true);
  }
  if (page.host && !closed) {
    View h;
    h.set("has_speaker", s.speaker_id.has_value());
    h.set("progressive", s.progressive);
    auto queue = View::list();
    // In a group, whoever seems to have left keeps their place (a phone may just have
    // slept), and the host sees that they may not be there.
    auto here = [&](std::int64_t id) {
      return main_room || std::find(page.people.begin(), page.people.end(), id) != page.people.end();
    };
    for (const auto& q : s.queue) {
      View x;
      x.set("id", q.participant_id);
      x.set("name", q.name);
      x.set("away", !here(q.participant_id));
      x.set("spoken", q.turns == 0 ? c.t("events_floor_spoken_none")
                                   : c.app.renderer->format(q.turns == 1 ? "events_floor_spoken_one" : "events_floor_spoken",
                                                            {{"turns", std::to_string(q.turns)},
                                                             {"time", talk_time(c, q.spoken_seconds)}}));
      queue.push(std::move(x));
    }
    h.set("queue", std::move(queue));
    h.set("has_queue", !s.queue.empty());
    // A go-round is for a group: a main room of hundreds uses the queue.
    h.set("offer_round", !main_room);
    h.set("round_on", s.round_on);
    if (s.round_on && s.round_next && s.speaker_id != s.round_next) {
      View n;
      n.set("id", s.round_next);
      n.set("give_text", c.app.renderer->format("events_floor_give_to", {{"name", s.round_next_name}}));
      n.set("pass_text", c.app.renderer->format("events_floor_pass_for", {{"name", s.round_next_name}}));
      h.set("round_next", std::move(n));
    }
    f.set("floor_host", std::move(h));
  }
  v.set("floor", std::move(f));
}

void add_spread(Context& c, View& v, const equity::Spread& spread, const std::string& about) {
  if (spread.present == 0) return;
  View sp;
  // In a small room the most active fifth is one person: said so.
  const bool one = spread.top_fifth_people == 1;
  sp.set("summary", c.app.renderer->format(one ? "events_spread_summary_one" : "events_spread_summary",
                                           {{"contributed", std::to_string(spread.contributed)},
                                            {"present", std::to_string(spread.present)},
                                            {"share", std::to_string(spread.top_fifth_percent)}}));
  sp.set("about", about);
  View bands = View::list();
  std::int64_t most = 1;
  for (auto n : spread.bands) most = std::max(most, n);
  for (std::size_t b = 0; b < spread.bands.size(); ++b) {
    View x;
    x.set("label", c.t("events_spread_band_" + std::to_string(b)));
    x.set("people", std::to_string(spread.bands[b]));
    x.set("y", std::to_string(b * 26));
    x.set("text_y", std::to_string(b * 26 + 16));
    x.set("width", std::to_string(spread.bands[b] * 180 / most));
    x.set("count_x", std::to_string(112 + spread.bands[b] * 180 / most));
    bands.push(std::move(x));
  }
  sp.set("bands", std::move(bands));
  v.set("spread", std::move(sp));
}

Result<bool> floor_action(Context& c, const commands::Access& a, const FloorPage& page, const std::string& action) {
  const auto& room = page.room;
  auto someone = [&]() { return number::id(c.field("participant")); };
  if (action == "hand") return floor::raise_hand(c.app, a, room);
  if (action == "lower") return floor::lower_hand(c.app, a, room);
  if (action == "pass") return floor::pass(c.app, a, room, page.host, someone());
  if (action == "give") {
    auto who = someone();
    if (!who) return fail(ErrorCode::invalid, "events_floor_not_here");
    // Whoever has a hand up, or is invited by the go-round, is here to be given the floor;
    // the host may also give it to anyone of the room's people here now.
    auto here = page.people;
    const auto s = floor::state(c.app, room);
    for (const auto& q : s.queue) here.push_back(q.participant_id);
    if (s.round_next) here.push_back(s.round_next);
    return floor::give_floor(c.app, room, page.host, *who, here);
  }
  if (action == "end") {
    // The host ends a turn; so may the person speaking ("I have finished").
    const auto s = floor::state(c.app, room);
    const bool speaking = page.me && s.speaker_id == page.me;
    return floor::end_turn(c.app, room, page.host || speaking);
  }
  if (action == "progressive") return floor::set_progressive(c.app, room, page.host, c.field("order") == "progressive");
  if (action == "round") return floor::start_round(c.app, room, page.host, page.people);
  if (action == "round-stop") return floor::stop_round(c.app, room, page.host);
  if (room.group_id == 0 && action == "open") return floor::set_open(c.app, room, page.host, true);
  if (room.group_id == 0 && action == "close") return floor::set_open(c.app, room, page.host, false);
  return fail(ErrorCode::not_found, "events_action_unknown");
}

std::string floor_done(Context& c) {
  // Only the known actions reach here (any other fails first); kept to letters and '-'.
  std::string action(c.param("action"));
  std::erase_if(action, [](char ch) { return !(std::islower(static_cast<unsigned char>(ch)) || ch == '-'); });
  return action;
}

namespace handlers {

// POST /events/{id}/floor/{action}: the main room's queue. Its facilitators host it.
Response floor_post(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  FloorPage page;
  page.room = floor::Room{a->event.id, 0};
  page.base = event_path(a->event.id) + "/floor";
  page.host = run_event(a->standing);
  page.taking_part = take_part(a->standing);
  page.me = a->participant_id;  // so the person speaking may say "I have finished"
  auto r = floor_action(c, *a, page, std::string(c.param("action")));
  if (!r) {
    if (r.error().code == ErrorCode::not_found) return not_found(c);
    if (r.error().code == ErrorCode::forbidden) return forbidden(c);
    return c.error_page(r.error());
  }
  return c.redirect(event_path(a->event.id) + (page.host ? "/run" : "") + "?floor_done=" + floor_done(c) + "#floor");
}

}  // namespace handlers
}  // namespace hs::events
