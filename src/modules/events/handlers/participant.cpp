
#include "core/crypto.hpp"
#include "modules/events/handlers/common.hpp"
#include "modules/events/handlers/handlers.hpp"
#include "modules/events/live.hpp"
#include "modules/events/module.hpp"
#include "modules/events/rules/join_code.hpp"
#include "services/rate_limit.hpp"
#include "web/render.hpp"

namespace hs::events::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr std::int64_t kParticipantCookieSeconds = 2 * 24 * 3600;
// Guessing a code: a few wrong tries, then one every ten seconds, per address.
constexpr services::RateLimiter::Limit kJoinGuesses{10, 0.1};

void add_notice(Context& c, View& v) {
  auto n = c.query_param("notice");
  for (const char* known :
       {"voted", "asked", "upvoted", "added", "withdrawn", "stepped_out", "saved", "registered", "unregistered"})
    if (n == known) v.set("notice", c.t(std::string("events_notice_") + known));
}

Response render_show(Context& c, const commands::Access& a, const Error* error = nullptr, int status = 200) {
  View v = c.view("events_show_title");
  v.set("page_title", a.event.title);
  v.set("event", event_view(c, a.event));
  v.set("runs", run_event(a.standing));
  v.set("stepped_out", a.stepped_out);
  // Registering is for before the day. Once the event has begun the box goes below what is
  // happening now (it would push that down a phone's screen), and only for someone not yet
  // registered; after it, it says registration has closed.
  const auto now = c.app.clock->now();
  const bool over = a.event.ends_at <= now;
  const bool during = a.event.starts_at <= now && !over;
  if (a.user_id != 0 && register_for_event(a.standing)) {
    const bool registered = commands::is_registered(c.app, a.event.id, a.user_id);
    if (!(during && registered)) {
      web::View reg;
      reg.set("registered", registered);
      reg.set("over", over);
      reg.set("during", during);
      v.set("registration", reg);
    }
  }
  add_notice(c, v);
  auto links = web::View::list();
  for (const auto& l : live::page_links(c.app, a.event.id)) {
    web::View lv;
    lv.set("text", l.text);
    lv.set("href", l.href);
    links.push(lv);
  }
  v.set("module_links", links);
  add_tool_links(c, v, a);
  // "See what's happening now" differs from this page's own address each time, so the
  // browser loads the page again rather than only moving to the heading.
  v.set("look", crypto::random_token(4));
  auto cur = commands::current(c.app, a.event, a.participant_id, false, QuestionSort::votes);
  v.set("live_sig", live::page_signature(cur ? &*cur : nullptr));
  if (cur) {
    auto cv = current_view(c, a, *cur, false);
    bool seen = c.query_param("seen") == std::to_string(cur->item.id);
    if (cur->item.content_note && !seen && !error) cv.set("note_first", true);
    cv.set("sort_time", c.query_param("sort") == "time");
    v.set("current", cv);
  }
  // The main room's speaking queue, once its facilitators open it.
  FloorPage queue;
  queue.room = floor::Room{a.event.id, 0};
  queue.base = event_path(a.event.id) + "/floor";
  queue.taking_part = take_part(a.standing) && !a.stepped_out;
  queue.me = a.participant_id;
  add_floor(c, v, queue);
  if (error) c.add_errors(v, *error);
  return c.page("events/show", v, status);
}

// After a participant's action: back to the page, past the content note they have seen.
Response back(Context& c, const commands::Access& a, std::int64_t item_id, const char* notice) {
  // Back at the activity, with focus on its heading (it has tabindex="-1"), not at the
  // top of the page ten Tabs away from the next answer.
  return c.redirect(event_path(a.event.id) + "?seen=" + std::to_string(item_id) + "&notice=" + notice +
                    "#current-heading");
}

template <class R>
Response after(Context& c, const commands::Access& a, std::int64_t item_id, const R& r, const char* notice) {
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c);
    return render_show(c, a, &r.error(), web::http_status(r.error().code));
  }
  return back(c, a, item_id, notice);
}

// Everyone taking part has an allowance of actions, and so has each address (see
// web/rate_limit.hpp); past it the page says to wait a moment, and nothing is saved.
std::optional<Response> slow_down(Context& c, const commands::Access& a) {
  if (!a.participant_id && !c.viewer) return std::nullopt;  // not taking part: the command refuses
  std::string person =
      a.participant_id ? "p" + std::to_string(*a.participant_id) : "u" + std::to_string(c.viewer->user_id);
  double retry = 0;
  if (services::take_part_allowed(*c.app.limiter, a.event.id, person, c.req.remote, static_cast<double>(c.app.clock->now()),
                             &retry))
    return std::nullopt;
  Error e = Error::of(ErrorCode::rate_limited, "events_slow_down");
  auto r = render_show(c, a, &e, 429);
  r.set("Retry-After", std::to_string(static_cast<long>(retry) + 1));
  return r;
}

}  // namespace

Response join_form(Context& c) {
  View v = c.view("events_join_title");
  if (!c.query_param("code").empty()) v.set("code", std::string(c.query_param("code")));
  return c.page("events/join", v);
}

Response join_submit(Context& c) {
  auto code = c.field("code");
  auto nickname = c.field("nickname");
  View v = c.view("events_join_title");
  // Only wrong codes use up the allowance: a whole venue may share one address.
  const std::string key = "events-join:" + c.req.remote;
  const auto now = static_cast<double>(c.app.clock->now());
  if (!c.app.limiter->would_allow(key, kJoinGuesses, now)) {
    c.add_errors(v, Error{ErrorCode::rate_limited, "common_fix_errors", {{"code", "events_code_slow_down"}}});
    v.set("code", code);
    Response r = c.page("events/join", v, 429);
    r.set("Retry-After", "10");
    return r;
  }
  // Joining at all has an allowance per address too, a venue's worth: a script cannot
  // make hundreds of participants a second to get round each person's limits.
  // Per event (its code as normalised, so spellings share one allowance) and address.
  const std::string joins = "events-joins:" + normalise_join_code(code).value_or(std::string("?")) + ":" + c.req.remote;
  if (!c.app.limiter->would_allow(joins, services::kAddressJoins, now)) {
    c.add_errors(v, Error{ErrorCode::rate_limited, "common_fix_errors", {{"code", "events_join_slow_down"}}});
    v.set("code", code);
    if (!nickname.empty()) v.set("nickname", nickname);
    Response r = c.page("events/join", v, 429);
    r.set("Retry-After", "2");
    return r;
  }
  // A browser that has joined this event already comes back as the same participant, so
  // joining again gives nobody a fresh allowance of words or votes.
  auto j = commands::join_event(c.app, code, nickname, c.cookie("participant"));
  if (j) c.app.limiter->take(joins, services::kAddressJoins, now);
  if (!j) {
    if (j.error().code == ErrorCode::not_found) c.app.limiter->take(key, kJoinGuesses, now);
    c.add_errors(v, j.error());
    v.set("code", code);
    if (!nickname.empty()) v.set("nickname", nickname);
    return c.page("events/join", v, 422);
  }
  c.set_cookie("participant", j->token, kParticipantCookieSeconds);
  return c.redirect(event_path(j->event_id));
}

Response event_show(Context& c) {
  auto a = load(c);
  if (!a) return c.viewer ? not_found(c) : c.redirect("/join");
  return render_show(c, *a);
}

Response event_support(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  View v = c.view("events_support_title");
  add_notice(c, v);
  v.set("event", event_view(c, a->event));
  if (!a->event.support_text.empty()) v.set("support_text", a->event.support_text);
  v.set("runs", run_event(a->standing));
  if (run_event(a->standing)) v.set("support_value", a->event.support_text);
  return c.page("events/support", v);
}

Response event_state(Context& c) {
  auto a = load(c);
  if (!a) return Response::text(404, "{}");
  Response r;
  r.body = live::snapshot(c.app, a->event.id);
  r.set("Content-Type", "application/json");
  r.set("Cache-Control", "no-store");
  return r;
}

Result<std::string> live_channel(Context& c) {
  auto a = load(c);
  if (!a) return fail(ErrorCode::not_found, "events_not_found");
  return live::topic(a->event.id);
}

Response poll_vote(Context& c) {
  auto a = load(c);
  auto item = id_param(c, "item");
  if (!a || !item) return not_found(c);
  if (auto r = slow_down(c, *a)) return std::move(*r);
  std::vector<std::int64_t> chosen;
  for (const auto& [k, val] : c.form())
    if (k == "choice") {
      try {
        chosen.push_back(std::stoll(val));
      } catch (const std::exception&) {
        chosen.push_back(-1);
      }
    }
  return after(c, *a, *item, commands::vote(c.app, *a, *item, chosen), "voted");
}

Response question_ask(Context& c) {
  auto a = load(c);
  auto item = id_param(c, "item");
  if (!a || !item) return not_found(c);
  if (auto r = slow_down(c, *a)) return std::move(*r);
  return after(c, *a, *item, commands::ask(c.app, *a, *item, c.field("question"), c.checked("anonymous")), "asked");
}

Response question_upvote(Context& c) {
  auto a = load(c);
  auto item = id_param(c, "item");
  auto q = id_param(c, "q");
  if (!a || !item || !q) return not_found(c);
  if (auto r = slow_down(c, *a)) return std::move(*r);
  return after(c, *a, *item, commands::upvote(c.app, *a, *item, *q), "upvoted");
}

Response entry_add(Context& c) {
  auto a = load(c);
  auto item = id_param(c, "item");
  if (!a || !item) return not_found(c);
  if (auto r = slow_down(c, *a)) return std::move(*r);
  return after(c, *a, *item, commands::add_entry(c.app, *a, *item, c.field("entry")), "added");
}

Response entry_withdraw(Context& c) {
  auto a = load(c);
  auto item = id_param(c, "item");
  auto entry = id_param(c, "entry");
  if (!a || !item || !entry) return not_found(c);
  if (auto r = slow_down(c, *a)) return std::move(*r);
  return after(c, *a, *item, commands::withdraw_entry(c.app, *a, *item, *entry), "withdrawn");
}

Response step_out(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  auto r = commands::step_out(c.app, *a, true);
  if (!r) return forbidden(c);
  return c.redirect(event_path(a->event.id) + "/support?notice=stepped_out");
}

Response step_in(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  auto r = commands::step_out(c.app, *a, false);
  if (!r) return forbidden(c);
  return c.redirect(event_path(a->event.id));
}

}  // namespace hs::events::handlers
