// The breakout pages. Facilitators see every group and run the round; a participant
// sees their own group (or the groups to pick from) with the prompts, the time left,
// the facilitator's message, the notes, and "ask for help".
#include <charconv>

#include "core/clock.hpp"
#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/handlers/common.hpp"
#include "modules/breakouts/handlers/handlers.hpp"
#include "modules/breakouts/permissions.hpp"
#include "web/rate_limit.hpp"
#include "web/render.hpp"

namespace hs::breakouts::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

std::string base(const commands::Access& a) { return "/events/" + std::to_string(a.event.id) + "/breakouts"; }
std::string round_path(const commands::Access& a, std::int64_t round_id) {
  return base(a) + "/" + std::to_string(round_id);
}


std::string time_left(Context& c, const repo::RoundRow& r) {
  if (!r.ends_at) return {};
  auto left = seconds_left(*r.ends_at, c.app.clock->now());
  if (left == 0) return c.t("breakouts_time_up");
  const auto minutes = (left + 59) / 60;
  return c.app.renderer->format(minutes == 1 ? "breakouts_minute_left" : "breakouts_minutes_left",
                                {{"minutes", std::to_string(minutes)}});
}

View round_basics(Context& c, const commands::Access& a, const repo::RoundRow& r,
                  const std::vector<std::string>& prompts) {
  View v;
  v.set("id", r.id);
  v.set("number", r.number);
  v.set("path", round_path(a, r.id));
  v.set("heading", c.app.renderer->format("breakouts_round_heading", {{"number", std::to_string(r.number)}}));
  v.set("state_label", c.t("breakouts_state_" + r.state));
  v.set("mode_label", c.t("breakouts_mode_" + r.mode));
  v.set("sizes", c.app.renderer->format("breakouts_sizes", {{"min", std::to_string(r.min_size)},
                                                            {"max", std::to_string(r.max_size)}}));
  v.set("duration", c.app.renderer->format("breakouts_duration_minutes",
                                           {{"minutes", std::to_string(r.duration_minutes)}}));
  v.set("state", r.state);
  v.set(r.state, true);  // planning | running | ended
  auto ps = View::list();
  for (const auto& p : prompts) ps.push(View(p));
  v.set("prompts", ps);
  if (r.content_note) v.set("content_note", *r.content_note);
  auto pair_list = [](const std::optional<std::string>& stored) {
    auto list = View::list();
    for (const auto& [x, y] : parse_pairs(stored.value_or("")).value_or(NamePairs{})) list.push(View(x + " – " + y));
    return list;
  };
  if (r.keep_apart) v.set("apart", pair_list(r.keep_apart)), v.set("has_apart", true);
  if (r.keep_together) v.set("together", pair_list(r.keep_together)), v.set("has_together", true);
  if (r.group_count)
    v.set("sizes", c.app.renderer->format("breakouts_group_count", {{"count", std::to_string(*r.group_count)}}));
  v.set("has_details", r.attributes_sealed.has_value());
  v.set("space_history", r.space_history);
  if (r.state == "running") {
    v.set("time_left", time_left(c, r));
    v.set("ends_at_unix", *r.ends_at);
  }
  if (r.broadcast && r.state == "running") v.set("broadcast", *r.broadcast);
  return v;
}

Response render_index(Context& c, const commands::Access& a, const Error* error = nullptr, int status = 200,
                      const RoundInput* typed = nullptr) {
  View v = c.view("breakouts_index_title");
  v.set("event", event_view(a));
  v.set("base", base(a));
  auto list = View::list();
  for (const auto& r : commands::rounds(c.app, a.event.id)) list.push(round_basics(c, a, r, {}));
  v.set("rounds", list);
  v.set("has_rounds", !commands::rounds(c.app, a.event.id).empty());
  RoundInput shown = typed ? *typed : RoundInput{"", "3", "6", "20", "", "balanced", "", "", "", "", false};
  v.set("typed_prompts", shown.prompts);
  v.set("typed_min", shown.min_size);
  v.set("typed_max", shown.max_size);
  v.set("typed_duration", shown.duration);
  v.set("typed_note", shown.content_note);
  v.set("typed_apart", shown.keep_apart);
  v.set("typed_together", shown.keep_together);
  v.set("typed_groups", shown.groups);
  v.set("typed_attributes", shown.attributes);
  v.set("typed_space_history", shown.space_history);
  auto modes = View::list();
  bool first = true;
  for (const char* m : {"balanced", "self_select", "manual", "csv"}) {
    View o;
    o.set("value", m);
    o.set("id", first ? std::string("mode") : std::string("mode-") + m);
    o.set("label", c.t(std::string("breakouts_mode_") + m));
    o.set("hint", c.t(std::string("breakouts_mode_") + m + "_hint"));
    o.set("checked", shown.mode == m);
    modes.push(o);
    first = false;
  }
  v.set("modes", modes);
  add_notice(c, v);
  if (error) c.add_errors(v, *error);
  return c.page("breakouts/index", v, status);
}

Response render_round(Context& c, const commands::Access& a, std::int64_t round_id, const Error* error = nullptr,
                      int status = 200, const std::string* typed_csv = nullptr,
                      const commands::Assigned* assigned = nullptr) {
  auto rv = commands::round_view(c.app, a.event.id, round_id);
  if (!rv) return not_found(c);
  View v = c.view("breakouts_round_title");
  v.set("event", event_view(a));
  v.set("base", base(a));
  auto r = round_basics(c, a, rv->round, rv->prompts);
  v.set("page_title", c.app.renderer->format("breakouts_round_heading", {{"number", std::to_string(rv->round.number)}}));
  v.set("round", r);
  auto groups = View::list();
  std::int64_t placed = 0;
  auto choices = [&](std::int64_t current) {
    auto opts = View::list();
    for (const auto& g : rv->groups) {
      View o;
      o.set("value", g.number);
      o.set("label", c.app.renderer->format("breakouts_group_name", {{"number", std::to_string(g.number)}}));
      o.set("selected", g.number == current);
      opts.push(o);
    }
    View n;
    const std::int64_t next = rv->groups.empty() ? 1 : rv->groups.back().number + 1;
    n.set("value", next);
    n.set("label", c.app.renderer->format("breakouts_group_new", {{"number", std::to_string(next)}}));
    n.set("selected", false);
    opts.push(n);
    View out;
    out.set("value", 0);
    out.set("label", c.t("breakouts_group_none"));
    out.set("selected", current == 0);
    opts.push(out);
    return opts;
  };
  for (const auto& g : rv->groups) {
    View gv;
    gv.set("number", g.number);
    gv.set("name", c.app.renderer->format("breakouts_group_name", {{"number", std::to_string(g.number)}}));
    gv.set("size", static_cast<std::int64_t>(g.members.size()));
    gv.set("notes", g.notes);
    gv.set("help_open", g.help_open);
    auto ms = View::list();
    for (const auto& m : g.members) {
      View mv;
      mv.set("participant_id", m.participant_id);
      mv.set("name", m.name);
      mv.set("host", m.host);
      mv.set("choices", choices(g.number));
      ms.push(mv);
      ++placed;
    }
    gv.set("members", ms);
    groups.push(gv);
  }
  v.set("groups", groups);
  v.set("has_groups", !rv->groups.empty());
  auto unplaced = View::list();
  for (const auto& m : rv->unplaced) {
    View mv;
    mv.set("participant_id", m.participant_id);
    mv.set("name", m.name);
    mv.set("choices", choices(0));
    unplaced.push(mv);
  }
  v.set("unplaced", unplaced);
  v.set("has_unplaced", !rv->unplaced.empty());
  v.set("placed_count", c.app.renderer->format("breakouts_placed_count",
                                               {{"placed", std::to_string(placed)},
                                                {"groups", std::to_string(rv->groups.size())},
                                                {"unplaced", std::to_string(rv->unplaced.size())}}));
  auto help = View::list();
  for (const auto& h : rv->help) {
    View hv;
    hv.set("id", h.id);
    hv.set("group", c.app.renderer->format("breakouts_group_name", {{"number", std::to_string(h.group_number)}}));
    help.push(hv);
  }
  v.set("help", help);
  v.set("has_help", !rv->help.empty());
  if (rv->round.figures) {
    // {"people":..,"groups":..,"repeat_meetings":..,"violations":..,"attribute_spread":..}
    v.set("figures", *rv->round.figures);
  }
  if (assigned) {
    auto unmatched = View::list();
    for (const auto& n : assigned->unmatched) unmatched.push(View(n));
    v.set("unmatched", unmatched);
    v.set("has_unmatched", !assigned->unmatched.empty());
    auto problems = View::list();
    for (const auto& p : assigned->problems)
      problems.push(View(c.app.renderer->format(p.key, {{"line", std::to_string(p.line)}})));
    v.set("csv_problems", problems);
    v.set("has_csv_problems", !assigned->problems.empty());
  }
  if (typed_csv) v.set("typed_csv", *typed_csv);
  add_notice(c, v);
  if (error) c.add_errors(v, *error);
  return c.page("breakouts/round", v, status);
}

Response render_group(Context& c, const commands::Access& a, std::int64_t round_id, const Error* error = nullptr,
                      int status = 200, const std::string* typed_note = nullptr) {
  auto rounds = commands::rounds(c.app, a.event.id);
  auto it = std::find_if(rounds.begin(), rounds.end(), [&](const auto& r) { return r.id == round_id; });
  if (it == rounds.end()) return not_found(c);
  View v = c.view("breakouts_group_title");
  v.set("event", event_view(a));
  auto mine = commands::my_group(c.app, a, round_id);
  auto rv = commands::round_view(c.app, a.event.id, round_id);
  v.set("round", round_basics(c, a, *it, rv ? rv->prompts : std::vector<std::string>{}));
  v.set("page_title", c.app.renderer->format("breakouts_round_heading", {{"number", std::to_string(it->number)}}));
  if (mine) {
    View g;
    g.set("id", mine->group.id);
    g.set("name", c.app.renderer->format("breakouts_group_name", {{"number", std::to_string(mine->group.number)}}));
    auto ms = View::list();
    for (const auto& m : mine->group.members) {
      View mv;
      mv.set("name", m.name);
      mv.set("host", m.host);
      ms.push(mv);
    }
    g.set("members", ms);
    g.set("help_open", mine->group.help_open);
    auto notes = View::list();
    for (const auto& n : mine->notes) {
      View nv;
      nv.set("body", n.body);
      nv.set("author", note_author(c, n));
      notes.push(nv);
    }
    g.set("notes", notes);
    g.set("has_notes", !mine->notes.empty());
    g.set("host", mine->host);
    v.set("group", g);
  } else if (it->mode == "self_select" && it->state != "ended" && rv) {
    auto choices = View::list();
    bool first = true;
    for (const auto& g : rv->groups) {
      View gv;
      gv.set("id", g.id);
      gv.set("input_id", first ? std::string("group") : "group-" + std::to_string(g.id));
      first = false;
      gv.set("name", c.app.renderer->format("breakouts_group_name", {{"number", std::to_string(g.number)}}));
      const auto room = it->max_size - static_cast<std::int64_t>(g.members.size());
      gv.set("room", c.app.renderer->format(room == 1 ? "breakouts_room_one" : "breakouts_room_n",
                                            {{"count", std::to_string(std::max<std::int64_t>(0, room))}}));
      gv.set("full", room <= 0);
      choices.push(gv);
    }
    v.set("choices", choices);
    v.set("choose", true);
  } else {
    v.set("no_group", true);
  }
  if (typed_note) v.set("typed_note", *typed_note);
  add_notice(c, v);
  if (error) c.add_errors(v, *error);
  return c.page("breakouts/group", v, status);
}

std::optional<std::int64_t> round_param(Context& c) {
  auto r = number(c.param("round"));
  if (!r || *r == 0) return std::nullopt;
  return r;
}

// The answer to a facilitator's form: back to the round, or the round with the problem.
Response after(Context& c, const commands::Access& a, std::int64_t round_id, const Result<bool>& r,
               const char* notice) {
  if (r) return c.redirect(round_path(a, round_id) + "?notice=" + notice);
  if (r.error().code == ErrorCode::not_found) return not_found(c);
  if (r.error().code == ErrorCode::forbidden) return forbidden(c);
  auto e = r.error();
  return render_round(c, a, round_id, &e, web::http_status(e.code));
}

// The same allowance as the event's own page (web/rate_limit.hpp): notes and calls for
// help count with words and questions. nullopt: go ahead.
std::optional<Response> slow_down(Context& c, const commands::Access& a, std::int64_t round_id,
                                  const std::string* typed = nullptr) {
  if (!a.participant_id && !c.viewer) return std::nullopt;  // not taking part: the command refuses
  std::string person = a.participant_id ? "p" + std::to_string(*a.participant_id) : "u" + std::to_string(c.viewer->user_id);
  double retry = 0;
  if (web::take_part_allowed(*c.app.limiter, a.event.id, person, c.req.remote,
                             static_cast<double>(c.app.clock->now()), &retry))
    return std::nullopt;
  Error e = Error::of(ErrorCode::rate_limited, "events_slow_down");
  auto r = render_group(c, a, round_id, &e, 429, typed);
  r.set("Retry-After", std::to_string(static_cast<long>(retry) + 1));
  return r;
}

}  // namespace

Response rounds_index(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  if (!permissions::run_rounds(a->standing)) {
    // A participant goes to the round that is on.
    if (auto r = commands::running_round(c.app, a->event.id)) return c.redirect(round_path(*a, r->id));
    auto rounds = commands::rounds(c.app, a->event.id);
    if (!rounds.empty()) return c.redirect(round_path(*a, rounds.back().id));
    return c.error_page(Error::of(ErrorCode::not_found, "breakouts_none_yet"));
  }
  return render_index(c, *a);
}

Response round_add(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  if (!permissions::run_rounds(a->standing)) return forbidden(c);
  RoundInput in{c.field("prompts"), c.field("min_size"), c.field("max_size"), c.field("duration"),
                c.field("content_note"), c.field("mode"), c.field("keep_apart"), c.field("keep_together"),
                c.field("groups"), c.field("attributes"), c.checked("space_history")};
  auto r = commands::add_round(c.app, *a, in);
  if (!r) {
    auto e = r.error();
    return render_index(c, *a, &e, web::http_status(e.code), &in);
  }
  auto mode = parse_mode(in.mode).value_or(Mode::balanced);
  if (mode == Mode::balanced || mode == Mode::self_select) {
    auto assigned = commands::assign(c.app, *a, *r, mode);
    if (!assigned) {
      auto e = assigned.error();
      return render_round(c, *a, *r, &e, web::http_status(e.code));
    }
    if (!assigned->unmatched.empty()) return render_round(c, *a, *r, nullptr, 200, nullptr, &*assigned);
  }
  return c.redirect(round_path(*a, *r) + "?notice=added");
}

Response round_show(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  if (!a || !id) return not_found(c);
  if (permissions::run_rounds(a->standing)) return render_round(c, *a, *id);
  if (!permissions::take_part(a->standing)) return forbidden(c);
  return render_group(c, *a, *id);
}

Response round_assign(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  if (!a || !id) return not_found(c);
  auto mode = parse_mode(c.field("mode"));
  if (!mode || *mode == Mode::csv) return c.error_page(Error::of(ErrorCode::invalid, "breakouts_mode_invalid"));
  auto r = commands::assign(c.app, *a, *id, *mode);
  if (r && !r->unmatched.empty()) return render_round(c, *a, *id, nullptr, 200, nullptr, &*r);
  return after(c, *a, *id, r ? Result<bool>(true) : Result<bool>(tl::unexpected(r.error())), "assigned");
}

Response round_csv(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  if (!a || !id) return not_found(c);
  auto csv = c.form().size() ? std::string(c.field("csv")) : std::string();
  auto r = commands::import_csv(c.app, *a, *id, csv);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c);
    if (r.error().code == ErrorCode::not_found) return not_found(c);
    auto e = r.error();
    return render_round(c, *a, *id, &e, web::http_status(e.code), &csv);
  }
  if (!r->unmatched.empty() || !r->problems.empty()) return render_round(c, *a, *id, nullptr, 200, &csv, &*r);
  return c.redirect(round_path(*a, *id) + "?notice=assigned");
}

Response round_move(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  if (!a || !id) return not_found(c);
  auto who = number(c.field("participant"));
  auto group = number(c.field("group"));
  if (!who || !group) return c.error_page(Error::of(ErrorCode::invalid, "breakouts_group_invalid"));
  return after(c, *a, *id, commands::move_person(c.app, *a, *id, *who, *group), "moved");
}

Response round_action(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  if (!a || !id) return not_found(c);
  auto action = c.param("action");
  if (action == "start") return after(c, *a, *id, commands::start_round(c.app, *a, *id), "started");
  if (action == "end") return after(c, *a, *id, commands::end_round(c.app, *a, *id), "ended");
  return not_found(c);
}

Response round_broadcast(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  if (!a || !id) return not_found(c);
  return after(c, *a, *id, commands::broadcast(c.app, *a, *id, c.field("message")), "sent");
}

Response help_resolve(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  auto help = number(c.param("help"));
  if (!a || !id || !help) return not_found(c);
  return after(c, *a, *id, commands::resolve_help(c.app, *a, *id, *help), "helped");
}

Response group_choose(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  if (!a || !id) return not_found(c);
  if (auto r = slow_down(c, *a, *id)) return std::move(*r);
  auto group = number(c.field("group"));
  auto r = group ? commands::choose_group(c.app, *a, *id, *group)
                 : Result<bool>(tl::unexpected(Error{ErrorCode::invalid, "breakouts_group_required",
                                                      {{"group", "breakouts_group_required"}}}));
  if (r) return c.redirect(round_path(*a, *id) + "?notice=joined");
  if (r.error().code == ErrorCode::forbidden) return forbidden(c);
  if (r.error().code == ErrorCode::not_found) return not_found(c);
  auto e = r.error();
  return render_group(c, *a, *id, &e, web::http_status(e.code));
}

Response note_add(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  if (!a || !id) return not_found(c);
  auto body = c.field("note");
  if (auto r = slow_down(c, *a, *id, &body)) return std::move(*r);
  const auto as = c.field("as");
  auto r = commands::add_note(c.app, *a, *id, body, as == "named", as == "group");
  if (r) return c.redirect(round_path(*a, *id) + "?notice=noted#notes");
  if (r.error().code == ErrorCode::not_found) return not_found(c);
  auto e = r.error();
  if (e.fields.empty()) e.fields.push_back({"note", e.message_key});
  return render_group(c, *a, *id, &e, web::http_status(e.code), &body);
}

Response help_ask(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  if (!a || !id) return not_found(c);
  if (auto r = slow_down(c, *a, *id)) return std::move(*r);
  auto r = commands::ask_help(c.app, *a, *id);
  if (r) return c.redirect(round_path(*a, *id) + "?notice=help");
  if (r.error().code == ErrorCode::not_found) return not_found(c);
  auto e = r.error();
  return render_group(c, *a, *id, &e, web::http_status(e.code));
}

}  // namespace hs::breakouts::handlers
