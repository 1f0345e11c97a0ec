// GET /spaces/{slug}/actions: "You said, we did", every action of the space with its
// source, owner, status and history, and the figures; its CSV, JSON and Atom feed; and
// POST .../settings, where stewards make the page public or members only.
#include <algorithm>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "modules/actions/handlers/common.hpp"
#include "modules/actions/handlers/handlers.hpp"
#include "web/render.hpp"

namespace hs::actions::handlers {

using web::Context;
using web::Response;
using web::View;

Response board_page(Context& c) {
  auto l = load_space(c);
  if (!l.space) return std::move(l.refusal);
  const auto& s = *l.space;
  const auto board = commands::board(c.app, s.space().id, s.subject, viewer_id(c));
  View v = spaces::space_page(c, s, "actions_board_title");
  View list = View::list();
  for (const auto& a : board.actions) list.push(action_view(c, s, a));
  if (!list.items().empty()) v.set("actions", std::move(list));
  const auto& f = board.figures;
  View fig;
  fig.set("concerns", f.concerns);
  fig.set("answered", f.answered);
  fig.set("changed", f.changed);
  if (f.answered_percent) fig.set("answered_percent", *f.answered_percent);
  if (f.changed_percent) fig.set("changed_percent", *f.changed_percent);
  if (f.median_days) fig.set("median_days", *f.median_days);
  v.set("figures", std::move(fig));
  const auto who = commands::actor(c.app, s.space().id, s.subject, viewer_id(c));
  if (permissions::raise_any(who)) v.set("new_href", actions_path(s, "/new"));
  v.set("csv_href", actions_path(s, "/export.csv"));
  v.set("json_href", actions_path(s, "/export.json"));
  v.set("feed_href", actions_path(s, "/feed.atom"));
  v.set("page_public", l.page_public);
  if (permissions::manage_settings(s.subject)) v.set("settings_action", actions_path(s, "/settings"));
  auto notice = c.query_param("notice");
  if (notice == "raised" || notice == "public" || notice == "members")
    v.set("notice", c.t("actions_notice_" + std::string(notice)));
  return c.page("actions/board", v);
}

Response settings_submit(Context& c) {
  auto s = spaces::space_in_path(c);
  if (!s) return not_found(c);
  if (!permissions::manage_settings(s->subject)) return forbidden(c, "actions_not_steward");
  const bool on = c.field("page_public") == "yes";
  auto r = commands::set_page_public(c.app, s->space().id, viewer_id(c), on);
  if (!r) return forbidden(c, r.error().message_key);
  return c.redirect(actions_path(*s, on ? "?notice=public" : "?notice=members"));
}

namespace {

Response download(const Space& s, std::string body, const char* type, const char* ext) {
  Response res;
  res.body = std::move(body);
  res.set("Content-Type", type);
  res.set("Content-Disposition", "attachment; filename=\"" + s.space().slug + "-actions." + ext + "\"");
  res.set("Cache-Control", "no-store");
  return res;
}

void element(std::string& out, const char* name, const std::string& text) {
  out += "<";
  out += name;
  out += ">";
  out += text::xml_escape(text);
  out += "</";
  out += name;
  out += ">\n";
}

}  // namespace

Response export_csv(Context& c) {
  auto l = load_space(c);
  if (!l.space) return std::move(l.refusal);
  const auto board = commands::board(c.app, l.space->space().id, l.space->subject, viewer_id(c));
  return download(*l.space, commands::to_csv(board), "text/csv; charset=utf-8", "csv");
}

Response export_json(Context& c) {
  auto l = load_space(c);
  if (!l.space) return std::move(l.refusal);
  const auto board = commands::board(c.app, l.space->space().id, l.space->subject, viewer_id(c));
  return download(*l.space, commands::to_json(board, l.space->space().slug), "application/json; charset=utf-8", "json");
}

// The feed of the public page: one entry per action, updated when it last moved. Read
// as the viewer would read the page (a feed reader without a session sees it only when
// the page is public).
Response feed_atom(Context& c) {
  auto l = load_space(c);
  if (!l.space) return std::move(l.refusal);
  const auto& s = *l.space;
  const auto board = commands::board(c.app, s.space().id, s.subject, viewer_id(c));
  const auto& r = *c.app.renderer;
  const std::string base = actions_path(s);
  const std::string id = "urn:humanspace:actions:" + std::to_string(s.space().id);
  std::int64_t updated = 0;
  for (const auto& a : board.actions) updated = std::max(updated, a.row.updated_at);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  element(out, "title", r.format("actions_feed_title", {{"space", s.space().name}}));
  element(out, "id", id);
  out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         text::xml_escape(c.absolute_url(base + "/feed.atom")) + "\"/>\n";
  out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + text::xml_escape(c.absolute_url(base)) + "\"/>\n";
  element(out, "updated", dates::format(updated ? updated : c.app.clock->now(), dates::Style::rfc3339));
  out += "<author>";
  element(out, "name", s.space().name);
  out += "</author>\n";
  for (const auto& a : board.actions) {
    const auto href = base + "/" + std::to_string(a.row.id);
    std::string summary = r.format(
        "actions_feed_summary", {{"organisation", a.organisation}, {"status", c.t("actions_status_" + a.row.status)}});
    if (!a.history.empty() && !a.history.back().text.empty()) summary += "\n\n" + a.history.back().text;
    out += "<entry>\n";
    element(out, "id", id + ":" + std::to_string(a.row.id));
    element(out, "title", a.row.title + " – " + c.t("actions_status_" + a.row.status));
    element(out, "updated", dates::format(a.row.updated_at, dates::Style::rfc3339));
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + text::xml_escape(c.absolute_url(href)) + "\"/>\n";
    element(out, "summary", summary);
    out += "</entry>\n";
  }
  out += "</feed>\n";
  Response res;
  res.body = std::move(out);
  res.set("Content-Type", "application/atom+xml; charset=utf-8");
  res.set("Cache-Control", "no-store");
  return res;
}

}  // namespace hs::actions::handlers
