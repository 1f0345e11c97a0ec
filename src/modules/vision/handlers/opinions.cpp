// The opinion map pages under /spaces/{slug}/opinions: the space's maps and a form for
// facilitators to ask a question; a map, one statement at a time with Agree, Disagree and
// Pass (plain forms, no JavaScript needed), a form to add a statement and, for
// facilitators, the statements waiting for them; the results (the map of people with its
// text equivalent, each group's distinctive statements, the common ground) and their
// exports as CSV and JSON.
#include <boost/json.hpp>

#include <cmath>

#include "core/number.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/handlers/handlers.hpp"
#include "modules/vision/opinion_picture.hpp"
#include "modules/vision/permissions.hpp"

namespace hs::vision::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

std::string maps_path(const spaces::SpaceInPath& s, const std::string& rest = "") {
  return "/spaces/" + s.space().slug + "/opinions" + rest;
}

std::string fill(std::string pattern, std::string_view key, const std::string& value) {
  for (auto at = pattern.find(key); at != std::string::npos; at = pattern.find(key, at + value.size()))
    pattern.replace(at, key.size(), value);
  return pattern;
}

}  // namespace

OpinionWords opinion_words(Context& c, const std::string& question) {
  OpinionWords w;
  w.title = question;
  w.group = c.t("vision_opinion_group");
  w.people = c.t("vision_opinion_people");
  w.one_person = c.t("vision_opinion_one_person");
  w.not_grouped = c.t("vision_opinion_not_grouped");
  w.agreed = c.t("vision_opinion_agreed");
  w.disagreed = c.t("vision_opinion_disagreed");
  w.common_ground = c.t("vision_opinion_common_ground");
  w.common_line = c.t("vision_opinion_common_line");
  w.none = c.t("vision_opinion_none");
  return w;
}

namespace {

int percent(double rate) { return static_cast<int>(std::lround(rate * 100)); }

// Maps list and the form to ask a question.
Response render_maps(Context& c, const spaces::SpaceInPath& s, const std::string& question, bool moderated,
                     const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, s, "vision_maps_title");
  View list = View::list();
  for (const auto& m : commands::maps(c.app, s.space().id)) {
    View x;
    x.set("question", m.question);
    x.set("href", maps_path(s, "/" + std::to_string(m.id)));
    list.push(std::move(x));
  }
  v.set("has_maps", !list.items().empty());
  v.set("maps", std::move(list));
  if (permissions::facilitate(s.subject)) {
    View f;
    f.set("question", question);
    f.set("moderated", moderated);
    f.set("action", maps_path(s));
    v.set("form", std::move(f));
  }
  if (error) c.add_errors(v, *error);
  return c.page("vision/maps", v, status);
}

struct FoundMap {
  std::optional<spaces::SpaceInPath> space;
  std::optional<commands::MapLoaded> map;
  Response refusal;
};

FoundMap find_map(Context& c) {
  FoundMap f;
  auto h = load_space(c);
  if (!h.space) {
    f.refusal = std::move(h.refusal);
    return f;
  }
  if (auto id = number::id(c.param("id")))
    f.map = commands::load_map(c.app, h.space->space().id, *id, spaces::viewer_id(c));
  if (!f.map) {
    f.refusal = c.error_page(Error::of(ErrorCode::not_found, "vision_map_not_found"));
    return f;
  }
  f.space = std::move(h.space);
  return f;
}

Response render_map(Context& c, const spaces::SpaceInPath& s, const commands::MapLoaded& m, const std::string& typed,
                    const Error* error = nullptr, int status = 200) {
  MapFrame f{spaces::space_page(c, s, "vision_map_title", {{"question", m.row.question}}),
             maps_path(s, "/" + std::to_string(m.row.id)), maps_path(s), permissions::take_part(s.subject),
             permissions::facilitate(s.subject)};
  f.v.set("results_href", f.base + "/results");
  return render_map_page(c, f, m, typed, error, status);
}

Response after_map(Context& c, FoundMap& f, const Result<void>& r, const std::string& typed,
                   const std::string& notice) {
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return spaces::refuse(c, r.error().message_key);
    auto fresh = commands::load_map(c.app, f.space->space().id, f.map->row.id, spaces::viewer_id(c));
    return render_map(c, *f.space, fresh ? *fresh : *f.map, typed, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(maps_path(*f.space, "/" + std::to_string(f.map->row.id) + "?notice=" + notice));
}

std::string csv_cell(const std::string& s) {
  std::string out = "\"";
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) out += '\'';
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

}  // namespace

void results_into(Context& c, View& v, const commands::MapResults& r) {
  const auto* res = &r;
  const auto& om = res->map;
  v.set("participants", c.app.words->format("vision_results_people", {{"n", std::to_string(res->participants)},
                                                                      {"grouped", std::to_string(om.grouped)}}));
  View groups = View::list();
  for (std::size_t g = 0; g < om.groups.size(); ++g) {
    View x;
    x.set("name", fill(c.t("vision_opinion_group"), "{g}", group_letter(g)));
    const auto n = om.groups[g].members.size();
    x.set("people",
          n == 1 ? c.t("vision_opinion_one_person") : fill(c.t("vision_opinion_people"), "{n}", std::to_string(n)));
    View d = View::list();
    for (const auto& st : om.groups[g].distinctive) {
      View y;
      y.set("text", res->statements.at(st.statement));
      y.set("line", fill(fill(c.t(st.agree ? "vision_opinion_agreed" : "vision_opinion_disagreed"), "{p}",
                              std::to_string(percent(st.rate))),
                         "{q}", std::to_string(percent(st.others_rate))));
      d.push(std::move(y));
    }
    x.set("has_distinctive", !d.items().empty());
    x.set("distinctive", std::move(d));
    groups.push(std::move(x));
  }
  v.set("has_groups", !groups.items().empty());
  v.set("groups", std::move(groups));
  View common = View::list();
  for (const auto& cg : om.common_ground) {
    View y;
    y.set("text", res->statements.at(cg.statement));
    y.set("line", fill(c.t("vision_opinion_common_line"), "{p}", std::to_string(percent(cg.lowest_rate))));
    common.push(std::move(y));
  }
  v.set("has_common", !common.items().empty());
  v.set("common", std::move(common));
  // Every statement with its answers, as a table (the text equivalent in full).
  View table = View::list();
  for (std::size_t i = 0; i < res->statements.size(); ++i) {
    View y;
    y.set("text", res->statements[i]);
    y.set("agree", res->total[i].agree);
    y.set("disagree", res->total[i].disagree);
    y.set("pass", res->total[i].pass);
    table.push(std::move(y));
  }
  v.set("has_statements", !table.items().empty());
  v.set("statements", std::move(table));
}

Response render_map_page(Context& c, MapFrame& f, const commands::MapLoaded& m, const std::string& typed,
                         const Error* error, int status) {
  View& v = f.v;
  const auto& base = f.base;
  v.set("question", m.row.question);
  v.set("base", base);
  v.set("back_href", f.back_href);
  if (auto notice = c.query_param("notice"); notice == "answered" || notice == "added" || notice == "held" ||
                                             notice == "shown" || notice == "rejected")
    v.set("notice", c.t("vision_map_notice_" + std::string(notice)));
  std::size_t shown = 0, answered = 0;
  const StatementRow* next = nullptr;
  View pending = View::list(), shown_list = View::list();
  for (const auto& st : m.statements) {
    View x;
    x.set("id", st.id);
    x.set("text", st.text);
    if (st.status == "shown") {
      ++shown;
      if (m.mine.count(st.id)) ++answered;
      else if (!next) next = &st;
      shown_list.push(std::move(x));
    } else if (st.status == "pending") {
      pending.push(std::move(x));
    }
  }
  if (f.member) {
    v.set("member", true);
    v.set("progress", c.app.words->format("vision_map_progress",
                                          {{"n", std::to_string(answered)}, {"total", std::to_string(shown)}}));
    if (next) {
      View n;
      n.set("id", next->id);
      n.set("text", next->text);
      v.set("next", std::move(n));
    } else {
      v.set("all_answered", shown > 0);
    }
    v.set("typed", typed);
    v.set("moderated", m.row.moderated && !f.facilitator);
  }
  if (f.facilitator) {
    v.set("has_pending", !pending.items().empty());
    v.set("pending", std::move(pending));
    // On an event's map, those who run it can take a shown statement off the map.
    if (m.row.item_id) {
      v.set("has_shown", !shown_list.items().empty());
      v.set("shown", std::move(shown_list));
    }
  }
  if (error) {
    auto e = *error;
    if (e.fields.empty()) e.fields.push_back({"text", e.message_key});
    c.add_errors(v, e);
  }
  return c.page("vision/map", v, status);
}

Response maps_page(Context& c) {
  auto h = load_space(c);
  if (!h.space) return std::move(h.refusal);
  return render_maps(c, *h.space, "", false);
}

Response map_create(Context& c) {
  auto h = load_space(c);
  if (!h.space) return std::move(h.refusal);
  const auto& s = *h.space;
  if (!permissions::facilitate(s.subject)) return spaces::refuse(c, "vision_not_facilitator");
  const auto question = c.field("question");
  const bool moderated = c.checked("moderated");
  auto r = commands::create_map(c.app, s.space().id, spaces::viewer_id(c), question, moderated);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return spaces::refuse(c, r.error().message_key);
    return render_maps(c, s, question, moderated, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(maps_path(s, "/" + std::to_string(*r)));
}

Response map_page(Context& c) {
  auto f = find_map(c);
  if (!f.map) return std::move(f.refusal);
  return render_map(c, *f.space, *f.map, "");
}

Response map_answer(Context& c) {
  auto f = find_map(c);
  if (!f.map) return std::move(f.refusal);
  const auto choice = c.field("vote");
  const int vote = choice == "agree" ? 1 : choice == "disagree" ? -1 : choice == "pass" ? 0 : 9;
  const auto statement = number::id(c.field("statement")).value_or(0);
  auto r = commands::answer(c.app, f.space->space().id, f.map->row.id, spaces::viewer_id(c), statement, vote);
  return after_map(c, f, r, "", "answered");
}

Response map_statement(Context& c) {
  auto f = find_map(c);
  if (!f.map) return std::move(f.refusal);
  const auto text = c.field("text");
  auto r = commands::add_statement(c.app, f.space->space().id, f.map->row.id, spaces::viewer_id(c), text);
  if (!r) return after_map(c, f, tl::unexpected(r.error()), text, "");
  return after_map(c, f, {}, "", *r ? "added" : "held");
}

Response map_moderate(Context& c) {
  auto f = find_map(c);
  if (!f.map) return std::move(f.refusal);
  const bool show = c.field("do") == "show";
  const auto statement = number::id(c.param("statement")).value_or(0);
  auto r =
      commands::moderate_statement(c.app, f.space->space().id, f.map->row.id, spaces::viewer_id(c), statement, show);
  return after_map(c, f, r, "", show ? "shown" : "rejected");
}

Response map_results(Context& c) {
  auto f = find_map(c);
  if (!f.map) return std::move(f.refusal);
  const auto& s = *f.space;
  auto res = commands::results(c.app, f.map->row);
  View v = spaces::space_page(c, s, "vision_results_title", {{"question", f.map->row.question}});
  const auto base = maps_path(s, "/" + std::to_string(f.map->row.id));
  v.set("question", f.map->row.question);
  v.set("map_href", base);
  v.set("svg_href", base + "/map.svg");
  v.set("csv_href", base + "/results.csv");
  v.set("json_href", base + "/results.json");
  results_into(c, v, *res);
  return c.page("vision/results", v);
}

Response map_svg(Context& c) {
  auto f = find_map(c);
  if (!f.map) return std::move(f.refusal);
  auto res = commands::results(c.app, f.map->row);
  return download(opinion_svg(res->map, res->statements, opinion_words(c, f.map->row.question)),
              "image/svg+xml; charset=utf-8", "opinion-map-" + std::to_string(f.map->row.id) + ".svg", false);
}

std::string results_csv(const commands::MapResults& r) {
  std::string out = "statement,agree,disagree,pass";
  for (std::size_t g = 0; g < r.map.groups.size(); ++g) {
    const auto l = group_letter(g);
    out += ",group_" + l + "_agree,group_" + l + "_disagree,group_" + l + "_pass";
  }
  out += ",common_ground\r\n";
  for (std::size_t i = 0; i < r.statements.size(); ++i) {
    const auto& t = r.total[i];
    out += csv_cell(r.statements[i]) + "," + std::to_string(t.agree) + "," + std::to_string(t.disagree) + "," +
           std::to_string(t.pass);
    for (const auto& g : r.by_group[i])
      out += "," + std::to_string(g.agree) + "," + std::to_string(g.disagree) + "," + std::to_string(g.pass);
    bool common = false;
    for (const auto& cg : r.map.common_ground) common = common || cg.statement == i;
    out += common ? ",yes\r\n" : ",no\r\n";
  }
  return out;
}

std::string results_json(const std::string& question, const commands::MapResults& r) {
  namespace json = boost::json;
  json::array statements;
  for (std::size_t i = 0; i < r.statements.size(); ++i) {
    json::array groups;
    for (const auto& g : r.by_group[i])
      groups.push_back(json::object{{"agree", g.agree}, {"disagree", g.disagree}, {"pass", g.pass}});
    const auto& t = r.total[i];
    statements.push_back(json::object{{"text", r.statements[i]},
                                      {"agree", t.agree},
                                      {"disagree", t.disagree},
                                      {"pass", t.pass},
                                      {"by_group", std::move(groups)}});
  }
  json::array groups;
  for (std::size_t g = 0; g < r.map.groups.size(); ++g) {
    json::array distinctive;
    for (const auto& d : r.map.groups[g].distinctive)
      distinctive.push_back(json::object{
          {"statement", d.statement}, {"agree", d.agree}, {"rate", d.rate}, {"others_rate", d.others_rate}});
    groups.push_back(json::object{{"group", group_letter(g)},
                                  {"people", r.map.groups[g].members.size()},
                                  {"distinctive", std::move(distinctive)}});
  }
  json::array common;
  for (const auto& cg : r.map.common_ground)
    common.push_back(json::object{{"statement", cg.statement}, {"lowest_rate", cg.lowest_rate}});
  json::object out{{"question", question},          {"participants", r.participants},
                   {"grouped", r.map.grouped},      {"statements", std::move(statements)},
                   {"groups", std::move(groups)},   {"common_ground", std::move(common)}};
  return json::serialize(out);
}

Response map_csv(Context& c) {
  auto f = find_map(c);
  if (!f.map) return std::move(f.refusal);
  auto res = commands::results(c.app, f.map->row);
  return download(results_csv(*res), "text/csv; charset=utf-8", "opinion-map-" + std::to_string(f.map->row.id) + ".csv",
                  true);
}

Response map_json(Context& c) {
  auto f = find_map(c);
  if (!f.map) return std::move(f.refusal);
  auto res = commands::results(c.app, f.map->row);
  return download(results_json(f.map->row.question, *res), "application/json; charset=utf-8",
                  "opinion-map-" + std::to_string(f.map->row.id) + ".json", true);
}

}  // namespace hs::vision::handlers
