// The breakout pages. Facilitators see every group and run the round; a participant
// sees their own group (or the groups to pick from) with the prompts, the time left,
// the facilitator's message, the notes, and "ask for help".
#include <boost/json.hpp>

#include <charconv>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/lines.hpp"
#include "core/text.hpp"
#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/handlers/common.hpp"
#include "modules/breakouts/handlers/handlers.hpp"
#include "modules/breakouts/permissions.hpp"
#include "modules/breakouts/repo.hpp"
#include "modules/equity/module.hpp"
#include "services/rate_limit.hpp"
#include "web/render.hpp"

namespace hs::breakouts::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr int kPairRows = 3;  // pairs to keep apart (and together) a form offers
constexpr std::size_t kSearchMax = 10;
constexpr std::size_t kPresentListMax = 200;  // "who is here now" listed up to this many
constexpr std::size_t kLateChoices =
    3;  // groups offered to someone who arrives late  // people a search for someone to move shows

std::string picked_pairs(Context& c, const std::string& kind);

std::string base(const commands::Access& a) { return "/events/" + std::to_string(a.event.id) + "/breakouts"; }
std::string round_path(const commands::Access& a, std::int64_t round_id) {
  return base(a) + "/" + std::to_string(round_id);
}

// "12:04 left"; in the last minute a warning; then, for a round that ends by itself,
// the countdown that brings everyone back. breakouts.js keeps it going, with the same words.
std::string time_left(Context& c, const repo::RoundRow& r) {
  if (!r.ends_at) return {};
  const auto now = c.app.clock->now();
  auto left = seconds_left(*r.ends_at, now);
  if (left == 0) {
    if (!r.auto_end) return c.t("breakouts_time_up");
    return c.app.renderer->format("breakouts_back_in",
                                  {{"clock", clock_text(seconds_left(*r.ends_at + kBringBackSeconds, now))}});
  }
  return c.app.renderer->format(left <= 60 ? "breakouts_clock_last_minute" : "breakouts_clock_left",
                                {{"clock", clock_text(left)}});
}

// The figures of a balanced plan, in words ({"people":31,"groups":3,...} as stored).
std::vector<std::string> figures_in_words(Context& c, const std::string& stored) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto j = boost::json::parse(stored, ec);
  if (ec || !j.is_object()) return out;
  const auto& o = j.as_object();
  auto whole = [&](const char* k) -> std::int64_t {
    auto* v = o.if_contains(k);
    return v && v->is_int64() ? v->as_int64() : 0;
  };
  auto real = [&](const char* k) -> double {
    auto* v = o.if_contains(k);
    return v && v->is_number() ? v->to_number<double>() : 0.0;
  };
  auto say = [&](const char* key, std::int64_t n, std::vector<std::pair<std::string, std::string>> more = {}) {
    more.emplace_back("count", std::to_string(n));
    out.push_back(c.app.renderer->format(key, more));
  };
  say("breakouts_figures_people", whole("people"), {{"groups", std::to_string(whole("groups"))}});
  const auto repeats = whole("repeat_meetings");
  say(repeats == 0   ? "breakouts_figures_repeats_none"
      : repeats == 1 ? "breakouts_figures_repeats_one"
                     : "breakouts_figures_repeats_n",
      repeats);
  const auto broken = whole("violations");
  say(broken == 0 ? "breakouts_figures_rules_kept" : "breakouts_figures_rules_broken", broken);
  if (o.if_contains("equality_people") && o.at("equality_people").is_int64())
    say(whole("equality_people") == 0   ? "breakouts_figures_equality_none"
        : whole("equality_people") == 1 ? "breakouts_figures_equality_one"
                                        : "breakouts_figures_equality_n",
        whole("equality_people"));
  const auto spread = real("attribute_spread");
  say(spread <= 1.0 ? "breakouts_figures_spread_even" : "breakouts_figures_spread_uneven",
      static_cast<std::int64_t>(spread + 0.5));
  return out;
}

View round_basics(Context& c, const commands::Access& a, const repo::RoundRow& r,
                  const std::vector<std::string>& prompts, const commands::RoundView* names = nullptr) {
  View v;
  v.set("id", r.id);
  v.set("number", r.number);
  v.set("path", round_path(a, r.id));
  v.set("heading", c.app.renderer->format("breakouts_round_heading", {{"number", std::to_string(r.number)}}));
  v.set("state_label", c.t("breakouts_state_" + r.state));
  v.set("mode_label", c.t("breakouts_mode_" + r.mode));
  v.set("sizes", c.app.renderer->format("breakouts_sizes",
                                        {{"min", std::to_string(r.min_size)}, {"max", std::to_string(r.max_size)}}));
  v.set("duration",
        c.app.renderer->format("breakouts_duration_minutes", {{"minutes", std::to_string(r.duration_minutes)}}));
  v.set("state", r.state);
  v.set(r.state, true);  // planning | running | ended
  auto ps = View::list();
  for (const auto& p : prompts) ps.push(View(p));
  v.set("prompts", ps);
  if (r.content_note) v.set("content_note", *r.content_note);
  // The pairs, by name (render_round has the names: they are kept as participant ids).
  if (names) {
    auto pair_list = [](const NamePairs& pairs) {
      auto list = View::list();
      for (const auto& [x, y] : pairs) list.push(View(x + " – " + y));
      return list;
    };
    if (!names->apart.empty()) v.set("apart", pair_list(names->apart)), v.set("has_apart", true);
    if (!names->together.empty()) v.set("together", pair_list(names->together)), v.set("has_together", true);
  }
  if (r.group_count)
    v.set("sizes", c.app.renderer->format(*r.group_count == 1 ? "breakouts_group_count_one" : "breakouts_group_count",
                                                 {{"count", std::to_string(*r.group_count)}}));
  v.set("has_details", r.attributes_sealed.has_value());
  v.set("space_history", r.space_history);
  v.set("use_equality", r.use_equality);
  if (r.state == "running") {
    v.set("time_left", time_left(c, r));
    v.set("ends_at_unix", *r.ends_at);
    const auto now = c.app.clock->now();
    v.set("seconds_left", seconds_left(*r.ends_at, now));
    v.set("now_unix", now);
    v.set("last_minute", seconds_left(*r.ends_at, now) <= 60);
    if (r.auto_end) v.set("back_in", seconds_left(*r.ends_at + kBringBackSeconds, now));
  }
  v.set("auto_end", r.auto_end);
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
  RoundInput shown = typed ? *typed : RoundInput{"", "3", "6", "20", "", "balanced", "", "", "", "", false, true};
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
  v.set("typed_equality", shown.equality);
  v.set("typed_auto_end", shown.auto_end);
  // Keep-apart and keep-together: picked from the people here now, never typed.
  const auto here = commands::present_people(c.app, a.event.id);
  v.set("present_count", c.app.renderer->format(here.size() == 1 ? "breakouts_present_one" : "breakouts_present_n",
                                                {{"count", std::to_string(here.size())}}));
  v.set("has_present", here.size() >= 2);
  auto picker = [&](const std::string& kind, const std::string& typed_pairs) {
    // What was picked, kept as it was (even a pair the check refused).
    NamePairs chosen;
    for (const auto& l : text::lines(typed_pairs)) {
      const std::string_view line = l;
      const auto comma = line.find(',');
      chosen.emplace_back(
          std::string(text::trim(line.substr(0, comma))),
          comma == std::string_view::npos ? std::string() : std::string(text::trim(line.substr(comma + 1))));
    }
    auto rows = View::list();
    for (int i = 1; i <= kPairRows; ++i) {
      View row;
      row.set("row", i);
      row.set("pair_label", c.app.renderer->format("breakouts_pair_label", {{"number", std::to_string(i)}}));
      for (const char* side : {"a", "b"}) {
        const auto want = i <= static_cast<int>(chosen.size())
                              ? (side[0] == 'a' ? chosen[i - 1].first : chosen[i - 1].second)
                              : std::string();
        View sel;
        sel.set("name", kind + "_" + std::to_string(i) + "_" + side);
        // The first box carries the field's id, so the error summary leads to it.
        sel.set("id", i == 1 && side[0] == 'a' ? kind : kind + "_" + std::to_string(i) + "_" + side);
        sel.set("label", c.t(side[0] == 'a' ? "breakouts_pair_first" : "breakouts_pair_second"));
        auto opts = View::list();
        for (const auto& m : here) {
          View o;
          o.set("value", "#" + std::to_string(m.participant_id));
          o.set("label", m.name);
          o.set("selected", want == "#" + std::to_string(m.participant_id));
          opts.push(o);
        }
        sel.set("options", opts);
        row.set(side, sel);
      }
      rows.push(row);
    }
    return rows;
  };
  v.set("apart_rows", picker("keep_apart", shown.keep_apart));
  v.set("together_rows", picker("keep_together", shown.keep_together));
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
  auto r = round_basics(c, a, rv->round, rv->prompts, &*rv);
  v.set("page_title",
        c.app.renderer->format("breakouts_round_heading", {{"number", std::to_string(rv->round.number)}}));
  v.set("round", r);
  // A facilitator or steward placed in a group hosts it: its page has its queue and notes.
  if (auto mine = commands::my_group(c.app, a, round_id)) {
    View own;
    own.set("text", c.app.renderer->format("breakouts_your_group",
                                           {{"name", c.app.renderer->format("breakouts_group_name",
                                                                            {{"number", std::to_string(mine->group.number)}})}}));
    own.set("running", rv->round.state == "running");
    v.set("own_group", std::move(own));
  }
  auto group_name = [&](std::int64_t n) {
    return c.app.renderer->format("breakouts_group_name", {{"number", std::to_string(n)}});
  };
  // Names only: a page for 2,000 people stays light. Moving someone starts from a search.
  auto groups = View::list();
  std::int64_t placed = 0;
  std::map<std::int64_t, std::int64_t> group_of;  // participant -> group number
  for (const auto& g : rv->groups) {
    View gv;
    gv.set("number", g.number);
    gv.set("name", group_name(g.number));
    gv.set("size", c.app.renderer->format(g.members.size() == 1 ? "breakouts_people_one" : "breakouts_people_n",
                                          {{"count", std::to_string(g.members.size())}}));
    gv.set("notes", g.notes);
    gv.set("help_open", g.help_open);
    auto ms = View::list();
    for (const auto& m : g.members) {
      View mv;
      mv.set("name", m.name);
      mv.set("host", m.host);
      mv.set("away", !m.present);
      ms.push(mv);
      group_of[m.participant_id] = g.number;
      ++placed;
    }
    gv.set("members", ms);
    groups.push(gv);
  }
  v.set("groups", groups);
  v.set("has_groups", !rv->groups.empty());
  auto names_of = [](const std::vector<commands::Member>& people) {
    auto list = View::list();
    for (const auto& m : people) list.push(View(m.name));
    return list;
  };
  v.set("unplaced", names_of(rv->unplaced));
  v.set("has_unplaced", !rv->unplaced.empty());
  // The list of who is here helps a room, not a hall: beyond it, the search finds anyone.
  if (rv->present.size() <= kPresentListMax) {
    v.set("present", names_of(rv->present));
    v.set("has_present", !rv->present.empty());
  }
  v.set("present_count",
        c.app.renderer->format(rv->present.size() == 1 ? "breakouts_present_one" : "breakouts_present_n",
                               {{"count", std::to_string(rv->present.size())}}));
  v.set("placed_count",
        c.app.renderer->format("breakouts_placed_count", {{"placed", std::to_string(placed)},
                                                          {"groups", std::to_string(rv->groups.size())},
                                                          {"unplaced", std::to_string(rv->unplaced.size())}}));
  // Moving by hand: find a person by name (a GET form), then choose their group.
  if (rv->round.state != "ended") {
    v.set("can_move", true);
    const auto who = std::string(text::trim(c.query_param("who")));
    v.set("typed_who", who);
    if (!who.empty()) {
      const auto want = text::lower_ascii(who);
      std::vector<commands::Member> found;
      std::set<std::int64_t> seen;
      auto consider = [&](const commands::Member& m) {
        if (found.size() >= kSearchMax || seen.count(m.participant_id)) return;
        if (text::lower_ascii(m.name).find(want) == std::string::npos) return;
        seen.insert(m.participant_id);
        found.push_back(m);
      };
      for (const auto& m : rv->present) consider(m);
      for (const auto& g : rv->groups)
        for (const auto& m : g.members) consider(m);
      auto results = View::list();
      for (const auto& m : found) {
        const auto current = group_of.count(m.participant_id) ? group_of[m.participant_id] : 0;
        View mv;
        mv.set("participant_id", m.participant_id);
        mv.set("name", m.name);
        mv.set("host", m.host);
        mv.set("where", current ? group_name(current) : c.t("breakouts_group_none"));
        auto opts = View::list();
        for (const auto& g : rv->groups) {
          View o;
          o.set("value", g.number);
          o.set("label",
                c.app.renderer->format("breakouts_group_with_size",
                                       {{"name", group_name(g.number)}, {"count", std::to_string(g.members.size())}}));
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
        mv.set("choices", opts);
        results.push(mv);
      }
      v.set("found", results);
      v.set("has_found", !found.empty());
      v.set("searched", true);
      v.set("found_none", c.app.renderer->format("breakouts_search_none", {{"name", who}}));
    }
  }
  auto help = View::list();
  for (const auto& h : rv->help) {
    View hv;
    hv.set("id", h.id);
    hv.set("group", group_name(h.group_number));
    help.push(hv);
  }
  v.set("help", help);
  v.set("has_help", !rv->help.empty());
  if (rv->round.figures) {
    auto words = View::list();
    for (auto& w : figures_in_words(c, *rv->round.figures)) words.push(View(w));
    v.set("figures", words);
    v.set("has_figures", true);
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

// A group's speaking queue: its members take part, its host hosts it (facilitators and
// stewards placed in a group are its hosts); the host gives the floor to members here now.
// A group without a host (most of them, at a large event) runs its own queue: any member
// may give the floor, change the order or start a go-round.
events::FloorPage group_floor(const commands::Access& a, std::int64_t round_id,
                              const commands::MyGroup& mine) {
  events::FloorPage page;
  page.room = events::floor::Room{a.event.id, mine.group.id};
  page.base = round_path(a, round_id) + "/floor";
  const bool hosted =
      std::any_of(mine.group.members.begin(), mine.group.members.end(), [](const auto& m) { return m.host; });
  page.host = mine.host || !hosted;
  page.taking_part = permissions::take_part(a.standing);
  page.me = mine.me;
  // Everyone in the group, in its order, hosts last: a go-round hears the others before
  // whoever runs it, and invites someone whose phone is asleep too (the host may pass for
  // them); the host may give the floor to anyone in the group.
  for (const bool hosts : {false, true})
    for (const auto& m : mine.group.members)
      if (m.host == hosts) page.people.push_back(m.participant_id);
  return page;
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
    if (it->state == "running") {
      // The group's speaking queue, and for its host who has been heard here (named notes
      // and turns speaking, of the members here now): a pattern, never names.
      const auto page = group_floor(a, round_id, *mine);
      events::add_floor(c, v, page);
      v.set("floor_view_group", permissions::run_rounds(a.standing));
      if (mine->host) {
        const auto notes = commands::named_notes_in_group(c.app, mine->group.id);
        const auto turns = events::floor::turns_by_participant(c.app, page.room);
        // Who has been heard, of the members here now.
        const auto here = commands::present_ids(c.app, a.event.id);
        std::vector<std::int64_t> per_person;
        for (auto id : page.people) {
          if (!here.count(id)) continue;
          std::int64_t n = 0;
          if (auto x = notes.find(id); x != notes.end()) n += x->second;
          if (auto x = turns.find(id); x != turns.end()) n += x->second;
          per_person.push_back(n);
        }
        events::add_spread(c, v, equity::spread_of(per_person), c.t("breakouts_spread_about"));
      }
    }
  } else if (it->state != "ended" && rv && !rv->groups.empty()) {
    // People choose; or someone arrived after the groups were made: the smallest few.
    const bool late = it->mode != "self_select";
    std::vector<const commands::Group*> offer;
    for (const auto& g : rv->groups) offer.push_back(&g);
    if (late) {
      std::stable_sort(offer.begin(), offer.end(),
                       [](auto* x, auto* y) { return x->members.size() < y->members.size(); });
      if (offer.size() > kLateChoices) offer.resize(kLateChoices);
    }
    auto choices = View::list();
    bool first = true;
    for (const auto* g : offer) {
      View gv;
      gv.set("id", g->id);
      gv.set("input_id", first ? std::string("group") : "group-" + std::to_string(g->id));
      first = false;
      gv.set("name", c.app.renderer->format("breakouts_group_name", {{"number", std::to_string(g->number)}}));
      const auto size = static_cast<std::int64_t>(g->members.size());
      const auto room = it->max_size - size;
      if (late)
        gv.set("room", c.app.renderer->format(size == 1 ? "breakouts_people_one" : "breakouts_people_n",
                                              {{"count", std::to_string(size)}}));
      else
        gv.set("room", c.app.renderer->format(room == 1 ? "breakouts_room_one" : "breakouts_room_n",
                                              {{"count", std::to_string(std::max<std::int64_t>(0, room))}}));
      gv.set("full", !late && room <= 0);
      // One group to choose from: already chosen, so "Join this group" just joins it.
      gv.set("checked", offer.size() == 1 && (late || room > 0));
      choices.push(gv);
    }
    v.set("choices", choices);
    v.set("choose", true);
    v.set("late", late);
  } else {
    v.set("no_group", true);
  }
  if (typed_note) v.set("typed_note", *typed_note);
  add_notice(c, v);
  if (error) c.add_errors(v, *error);
  return c.page("breakouts/group", v, status);
}

// The pairs picked on the form ("#12, #34" lines: participant ids). A row with one box
// chosen, or the same person twice, stays a line that check_round refuses.
std::string picked_pairs(Context& c, const std::string& kind) {
  std::string out;
  for (int i = 1; i <= kPairRows; ++i) {
    auto x = c.field(kind + "_" + std::to_string(i) + "_a"), y = c.field(kind + "_" + std::to_string(i) + "_b");
    if (x.empty() && y.empty()) continue;
    out += (x.empty() ? y : x) + (x.empty() || y.empty() ? std::string() : ", " + y) + "\n";
  }
  return out;
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
  std::string person =
      a.participant_id ? "p" + std::to_string(*a.participant_id) : "u" + std::to_string(c.viewer->user_id);
  double retry = 0;
  if (services::take_part_allowed(*c.app.limiter, a.event.id, person, c.req.remote,
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
  RoundInput in{
      c.field("prompts"),      c.field("min_size"),   c.field("max_size"),           c.field("duration"),
      c.field("content_note"), c.field("mode"),       picked_pairs(c, "keep_apart"), picked_pairs(c, "keep_together"),
      c.field("groups"),       c.field("attributes"), c.checked("space_history"),    c.checked("auto_end"),
      c.checked("equality")};
  auto r = commands::add_round(c.app, *a, in);
  if (!r) {
    auto e = r.error();
    for (auto& f : e.fields)  // the pairs are picked, not typed: say so
      if (f.message_key == "breakouts_pairs_invalid") f.message_key = "breakouts_pairs_pick_invalid";
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
  // Facilitators and stewards see every group; one placed in a group (as its host) opens
  // its page with ?view=group.
  if (permissions::run_rounds(a->standing) && c.query_param("view") != "group") return render_round(c, *a, *id);
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
                 : Result<bool>(tl::unexpected(
                       Error{ErrorCode::invalid, "breakouts_group_required", {{"group", "breakouts_group_required"}}}));
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
  // A facilitator hosting a group goes back to its page, not the round's.
  const std::string view = permissions::run_rounds(a->standing) ? "&view=group" : "";
  if (r) return c.redirect(round_path(*a, *id) + "?notice=noted" + view + "#notes");
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
  if (r) return c.redirect(round_path(*a, *id) + "?notice=help" + (permissions::run_rounds(a->standing) ? "&view=group" : ""));
  if (r.error().code == ErrorCode::not_found) return not_found(c);
  auto e = r.error();
  return render_group(c, *a, *id, &e, web::http_status(e.code));
}

// POST /events/{id}/breakouts/{round}/floor/{action}: the person's own group's queue.
Response group_floor_post(Context& c) {
  auto a = load(c);
  auto id = round_param(c);
  if (!a || !id) return not_found(c);
  if (!permissions::take_part(a->standing)) return forbidden(c);
  auto mine = commands::my_group(c.app, *a, *id);
  if (!mine) return forbidden(c);
  if (mine->round.state != "running") {
    const auto e = Error::of(ErrorCode::conflict, "breakouts_round_not_running");
    return render_group(c, *a, *id, &e, 409);
  }
  auto r = events::floor_action(c, *a, group_floor(*a, *id, *mine), std::string(c.param("action")));
  if (!r) {
    if (r.error().code == ErrorCode::not_found) return not_found(c);
    if (r.error().code == ErrorCode::forbidden) return forbidden(c);
    auto e = r.error();
    return render_group(c, *a, *id, &e, web::http_status(e.code));
  }
  const bool runner = permissions::run_rounds(a->standing);
  return c.redirect(round_path(*a, *id) + (runner ? "?view=group&floor_done=" : "?floor_done=") +
                    events::floor_done(c) + "#floor");
}

}  // namespace hs::breakouts::handlers
