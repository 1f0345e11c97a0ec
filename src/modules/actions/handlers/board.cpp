// GET /spaces/{slug}/actions: "You said, we did", the space's actions fifty a page
// (?page=N, narrowed by ?status= and ?organisation=) with their source, owner, status and
// history, and the figures of the whole space; its CSV and JSON of every action and its
// Atom feed of the newest; and
// POST .../settings, where stewards make the page public or members only.
#include <algorithm>

#include "core/dates.hpp"
#include "core/number.hpp"
#include "core/text.hpp"
#include "modules/actions/handlers/common.hpp"
#include "modules/actions/handlers/handlers.hpp"
#include "web/render.hpp"

namespace hs::actions::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

// The address of a page of the list with the filters kept (the page number last).
std::string list_href(const Space& s, const commands::BoardQuery& q, int page) {
  std::string query;
  auto add = [&](const std::string& k, const std::string& v) {
    query += query.empty() ? "?" : "&";
    query += k + "=" + v;
  };
  if (!q.status.empty()) add("status", q.status);
  if (q.organisation_id > 0) add("organisation", std::to_string(q.organisation_id));
  if (page > 1) add("page", std::to_string(page));
  return actions_path(s, query);
}

// The GOV.UK pagination pattern: previous, the numbered pages with gaps, next.
View pagination(Context& c, const Space& s, const commands::BoardQuery& q, const Paging& p) {
  View v;
  const auto& r = *c.app.renderer;
  if (p.page > 1) v.set("previous_href", list_href(s, q, p.page - 1));
  if (p.page < p.pages) v.set("next_href", list_href(s, q, p.page + 1));
  View items = View::list();
  for (int n : page_links(p.page, p.pages)) {
    View i;
    if (n == 0) {
      i.set("gap", true);
    } else {
      i.set("number", n);
      i.set("href", list_href(s, q, n));
      i.set("label", r.format("actions_page_of", {{"page", std::to_string(n)}, {"pages", std::to_string(p.pages)}}));
      i.set("current", n == p.page);
    }
    items.push(std::move(i));
  }
  v.set("items", std::move(items));
  return v;
}

}  // namespace

namespace {
// The list's filters as the address gives them (a status, an organisation the space lists).
commands::BoardQuery filters_of(Context& c, const std::vector<stories::OrganisationRef>& orgs) {
  commands::BoardQuery q;
  if (auto st = std::string(c.query_param("status")); parse_status(st)) q.status = st;
  q.organisation_id = number::id(c.query_param("organisation")).value_or(0);
  if (std::none_of(orgs.begin(), orgs.end(), [&](const auto& o) { return o.id == q.organisation_id; }))
    q.organisation_id = 0;
  return q;
}
// "?status=…&organisation=…" for what is chosen, or "".
std::string filter_query(const commands::BoardQuery& q) {
  std::string out;
  if (!q.status.empty()) out += "status=" + q.status;
  if (q.organisation_id > 0) out += (out.empty() ? "" : "&") + std::string("organisation=") + std::to_string(q.organisation_id);
  return out.empty() ? out : "?" + out;
}
}  // namespace

Response board_page(Context& c) {
  auto l = load_space(c);
  if (!l.space) return std::move(l.refusal);
  const auto& s = *l.space;
  const auto orgs = commands::organisations(c.app, s.space().id);
  commands::BoardQuery q = filters_of(c, orgs);
  q.page = parse_page(c.query_param("page"));
  const auto board = commands::board_page(c.app, s.space().id, s.subject, viewer_id(c), q);
  // Which page it is belongs in the title, so a screen reader and the history say so.
  View v = board.paging.pages > 1 ? spaces::space_page(c, s, "actions_board_title_paged",
                                                       {{"page", std::to_string(board.paging.page)},
                                                        {"pages", std::to_string(board.paging.pages)}})
                                  : spaces::space_page(c, s, "actions_board_title");
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

  // Filters: a GET form, so it works without JavaScript and its result can be linked to.
  View statuses = View::list();
  for (auto st : {Status::raised, Status::looking_at, Status::planned, Status::made, Status::not_changing}) {
    View o;
    o.set("value", std::string(to_string(st)));
    o.set("label", status_label(c, std::string(to_string(st))));
    o.set("selected", q.status == to_string(st));
    statuses.push(std::move(o));
  }
  v.set("statuses", std::move(statuses));
  View organisations = View::list();
  for (const auto& o : orgs) {
    View x;
    x.set("value", o.id);
    x.set("label", o.name);
    x.set("selected", o.id == q.organisation_id);
    organisations.push(std::move(x));
  }
  v.set("organisations", std::move(organisations));
  v.set("filtered", !q.status.empty() || q.organisation_id > 0);
  v.set("list_href", actions_path(s));
  if (board.total > 0) {
    const auto from = board.paging.offset + 1;
    const auto to = board.paging.offset + static_cast<std::int64_t>(board.actions.size());
    v.set("showing", c.app.renderer->format("actions_showing", {{"from", std::to_string(from)},
                                                                {"to", std::to_string(to)},
                                                                {"total", std::to_string(board.total)}}));
  }
  if (board.paging.pages > 1) v.set("pagination", pagination(c, s, q, board.paging));

  const auto who = commands::actor(c.app, s.space().id, s.subject, viewer_id(c));
  if (permissions::raise_any(who)) v.set("new_href", actions_path(s, "/new"));
  v.set("csv_href", actions_path(s, "/export.csv"));
  v.set("json_href", actions_path(s, "/export.json"));
  // The feed follows the list's filters (an organisation following its own actions, say);
  // feed readers find it from the page's head too.
  v.set("feed_href", actions_path(s, "/feed.atom" + filter_query(q)));
  v.set("head_feed", actions_path(s, "/feed.atom" + filter_query(q)));
  v.set("head_feed_title", c.t("actions_feed_link"));
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
  // The newest actions (a feed reader keeps what it has seen), read as one page of the list,
  // with the list's filters when the address has them.
  const auto filters = filters_of(c, commands::organisations(c.app, s.space().id));
  const auto board = commands::board_page(c.app, s.space().id, s.subject, viewer_id(c), filters);
  const auto& r = *c.app.renderer;
  const std::string base = actions_path(s);
  const std::string id = "urn:humanspace:actions:" + std::to_string(s.space().id);
  std::int64_t updated = 0;
  for (const auto& a : board.actions) updated = std::max(updated, a.row.updated_at);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  text::append_xml_element(out, "title", r.format("actions_feed_title", {{"space", s.space().name}}));
  text::append_xml_element(out, "id", id);
  out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         text::xml_escape(c.absolute_url(base + "/feed.atom" + filter_query(filters))) + "\"/>\n";
  out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + text::xml_escape(c.absolute_url(base)) + "\"/>\n";
  text::append_xml_element(out, "updated",
                           dates::format(updated ? updated : c.app.clock->now(), dates::Style::rfc3339));
  out += "<author>";
  text::append_xml_element(out, "name", s.space().name);
  out += "</author>\n";
  for (const auto& a : board.actions) {
    const auto href = base + "/" + std::to_string(a.row.id);
    std::string summary = r.format(
        "actions_feed_summary", {{"organisation", a.organisation}, {"status", c.t("actions_status_" + a.row.status)}});
    if (!a.history.empty() && !a.history.back().text.empty()) summary += "\n\n" + a.history.back().text;
    out += "<entry>\n";
    text::append_xml_element(out, "id", id + ":" + std::to_string(a.row.id));
    text::append_xml_element(out, "title", a.row.title + " – " + c.t("actions_status_" + a.row.status));
    text::append_xml_element(out, "updated", dates::format(a.row.updated_at, dates::Style::rfc3339));
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + text::xml_escape(c.absolute_url(href)) + "\"/>\n";
    text::append_xml_element(out, "summary", summary);
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
