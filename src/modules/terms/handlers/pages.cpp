// GET /spaces/{slug}/terms, .../terms/versions, .../terms/versions/{n} and
// .../terms/diff?from=A&to=B: reading the terms of reference, every version, and the
// differences between any two.

#include "core/number.hpp"
#include "modules/terms/commands/commands.hpp"
#include "modules/terms/handlers/common.hpp"
#include "modules/terms/handlers/handlers.hpp"
#include "modules/terms/permissions.hpp"
#include "modules/terms/rules/diff.hpp"
#include "web/render.hpp"

namespace hs::terms::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

std::optional<std::int64_t> whole(std::string_view s) { return number::id(s); }

View diff_view(Context& c, const TextDiff& d) {
  View lines = View::list();
  for (const auto& l : d.lines) {
    View item;
    switch (l.kind) {
      case DiffLine::Kind::same:
        item.set("is_same", true);
        item.set("text", l.text);
        break;
      case DiffLine::Kind::added:
        item.set("is_added", true);
        item.set("text", l.text);
        break;
      case DiffLine::Kind::removed:
        item.set("is_removed", true);
        item.set("text", l.text);
        break;
      case DiffLine::Kind::folded:
        item.set("is_folded", true);
        item.set("text", c.app.renderer->format(l.folded == 1 ? "terms_diff_folded_one" : "terms_diff_folded_n",
                                                {{"count", std::to_string(l.folded)}}));
        break;
      case DiffLine::Kind::changed: {
        item.set("is_changed", true);
        View segments = View::list();
        for (const auto& s : l.segments) {
          View seg;
          seg.set("text", s.text);
          seg.set("is_same", s.change == Change::same);
          seg.set("is_added", s.change == Change::added);
          seg.set("is_removed", s.change == Change::removed);
          segments.push(std::move(seg));
        }
        item.set("segments", std::move(segments));
        break;
      }
    }
    lines.push(std::move(item));
  }
  return lines;
}

View choices(const std::vector<repo::VersionRow>& all, std::int64_t selected, Context& c) {
  View list = View::list();
  for (const auto& v : all) {
    View o;
    o.set("value", v.number);
    o.set("label", c.app.renderer->format("terms_version_option", {{"number", std::to_string(v.number)},
                                                                   {"status", c.t("terms_status_" + v.status)}}));
    o.set("selected", v.number == selected);
    list.push(std::move(o));
  }
  return list;
}

}  // namespace

Response terms_show(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  const auto& s = *a.space;
  View v = spaces::space_page(c, s, "terms_show_title");
  if (auto cur = commands::current(c.app, s.space().id)) v.set("current", version_view(c, s, *cur, true));
  if (auto p = commands::pending(c.app, s.space().id)) v.set("pending", version_view(c, s, *p, false));
  v.set("can_amend", permissions::propose_amendment(s.subject));
  v.set("versions_href", terms_path(s, "/versions"));
  v.set("amend_href", terms_path(s, "/amend"));
  v.set("decisions_href", "/spaces/" + s.space().slug + "/decisions");
  return c.page("terms/show", v);
}

Response versions_index(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  const auto& s = *a.space;
  View v = spaces::space_page(c, s, "terms_versions_title");
  View list = View::list();
  for (const auto& row : commands::versions(c.app, s.space().id)) list.push(version_view(c, s, row, false));
  v.set("has_versions", !list.items().empty());
  v.set("versions", std::move(list));
  v.set("terms_href", terms_path(s));
  v.set("diff_href", terms_path(s, "/diff"));
  return c.page("terms/versions", v);
}

Response version_show(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  const auto& s = *a.space;
  auto n = whole(c.param("n"));
  if (!n) return not_found(c);
  auto row = commands::version(c.app, s.space().id, *n);
  if (!row) return not_found(c);
  View v = spaces::space_page(c, s, "terms_version_title", {{"number", std::to_string(*n)}});
  v.set("version", version_view(c, s, *row, true));
  v.set("versions_href", terms_path(s, "/versions"));
  return c.page("terms/version", v);
}

Response diff_show(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  const auto& s = *a.space;
  auto all = commands::versions(c.app, s.space().id);
  View v = spaces::space_page(c, s, "terms_diff_title");
  v.set("action", terms_path(s, "/diff"));
  v.set("versions_href", terms_path(s, "/versions"));
  auto from = whole(c.query_param("from"));
  auto to = whole(c.query_param("to"));
  if (!from && !to && !all.empty()) {
    // Nothing chosen yet: the newest version against the one it amends.
    to = all.front().number;
    if (all.front().base_number) from = all.front().base_number;
    else if (all.size() > 1) from = all[1].number;
  }
  v.set("from_choices", choices(all, from.value_or(0), c));
  v.set("to_choices", choices(all, to.value_or(0), c));
  v.set("enough", all.size() >= 2);
  const repo::VersionRow* a_row = nullptr;
  const repo::VersionRow* b_row = nullptr;
  for (const auto& r : all) {
    if (from && r.number == *from) a_row = &r;
    if (to && r.number == *to) b_row = &r;
  }
  if (a_row && b_row) {
    auto d = diff_texts(a_row->body, b_row->body);
    v.set("compared", true);
    v.set("from", version_view(c, s, *a_row, false));
    v.set("to", version_view(c, s, *b_row, false));
    v.set("identical", d.identical());
    v.set("counts", c.app.renderer->format("terms_diff_counts", {{"added", std::to_string(d.added)},
                                                                 {"removed", std::to_string(d.removed)}}));
    v.set("lines", diff_view(c, d));
  } else if (!c.query_param("from").empty() || !c.query_param("to").empty()) {
    c.add_errors(v, Error{ErrorCode::invalid, "terms_diff_choose", {{"from", "terms_diff_choose"}}});
    return c.page("terms/diff", v, 422);
  }
  return c.page("terms/diff", v);
}

}  // namespace hs::terms::handlers
