// GET /events/{id}/themes: the facilitator gathers the groups' notes into themes – make
// a theme, give it a short title, move notes into it, order the themes – with a
// suggested first grouping to accept or ignore. Works with forms alone.
#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/handlers/common.hpp"
#include "modules/breakouts/handlers/handlers.hpp"
#include "modules/breakouts/permissions.hpp"
#include "web/render.hpp"

namespace hs::breakouts::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

std::string themes_path(const commands::Access& a) { return "/events/" + std::to_string(a.event.id) + "/themes"; }

View note_view(Context& c, const commands::Note& n, const std::vector<commands::ThemeView>& themes) {
  View v;
  v.set("id", n.id);
  v.set("body", n.body);
  v.set("author", note_author(c, n));
  v.set("where", c.app.renderer->format("breakouts_note_where", {{"round", std::to_string(n.round_number)},
                                                                 {"group", std::to_string(n.group_number)}}));
  auto opts = View::list();
  View none;
  none.set("value", 0);
  none.set("label", c.t("breakouts_theme_none"));
  none.set("selected", !n.theme_id);
  opts.push(none);
  for (const auto& t : themes) {
    View o;
    o.set("value", t.theme.id);
    o.set("label", t.theme.title);
    o.set("selected", n.theme_id && *n.theme_id == t.theme.id);
    opts.push(o);
  }
  v.set("choices", opts);
  return v;
}

Response render(Context& c, const commands::Access& a, const Error* error = nullptr, int status = 200,
                const std::string* typed_title = nullptr) {
  auto th = commands::themes(c.app, a.event.id);
  View v = c.view("breakouts_themes_title");
  v.set("event", event_view(a));
  v.set("path", themes_path(a));
  auto list = View::list();
  for (std::size_t i = 0; i < th.themes.size(); ++i) {
    const auto& t = th.themes[i];
    View tv;
    tv.set("id", t.theme.id);
    tv.set("title", t.theme.title);
    tv.set("first", i == 0);
    tv.set("last", i + 1 == th.themes.size());
    tv.set("count",
           c.app.renderer->format(t.notes.size() == 1 ? "breakouts_theme_notes_one" : "breakouts_theme_notes_n",
                                  {{"count", std::to_string(t.notes.size())}}));
    auto notes = View::list();
    for (const auto& n : t.notes) notes.push(note_view(c, n, th.themes));
    tv.set("notes", notes);
    list.push(tv);
  }
  v.set("themes", list);
  v.set("has_themes", !th.themes.empty());
  auto loose = View::list();
  for (const auto& n : th.loose) loose.push(note_view(c, n, th.themes));
  v.set("loose", loose);
  v.set("has_loose", !th.loose.empty());
  if (c.query_param("suggest") == "1" && !th.loose.empty()) {
    auto s = commands::suggest(c.app, a);
    if (s) {
      auto sl = View::list();
      for (const auto& t : *s) {
        View sv;
        sv.set("title", t.other ? c.t("breakouts_suggest_other") : t.title);
        auto notes = View::list();
        for (auto id : t.note_ids)
          for (const auto& n : th.loose)
            if (n.id == id) notes.push(View(n.body));
        sv.set("notes", notes);
        sl.push(sv);
      }
      v.set("suggestion", sl);
      v.set("has_suggestion", true);
    }
  }
  if (typed_title) v.set("typed_title", *typed_title);
  add_notice(c, v);
  if (error) c.add_errors(v, *error);
  return c.page("breakouts/themes", v, status);
}

std::optional<commands::Access> runner(Context& c) {
  auto a = load(c);
  if (!a || !permissions::run_rounds(a->standing)) return std::nullopt;
  return a;
}

Response after(Context& c, const commands::Access& a, const Result<bool>& r, const char* notice) {
  if (r) return c.redirect(themes_path(a) + "?notice=" + notice);
  if (r.error().code == ErrorCode::not_found) return not_found(c);
  auto e = r.error();
  return render(c, a, &e, web::http_status(e.code));
}

}  // namespace

Response themes_show(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  if (!permissions::run_rounds(a->standing)) return forbidden(c);
  return render(c, *a);
}

Response theme_add(Context& c) {
  auto a = runner(c);
  if (!a) return not_found(c);
  auto title = c.field("title");
  auto r = commands::add_theme(c.app, *a, title);
  if (r) return c.redirect(themes_path(*a) + "?notice=theme_added");
  auto e = r.error();
  return render(c, *a, &e, web::http_status(e.code), &title);
}

Response themes_accept(Context& c) {
  auto a = runner(c);
  if (!a) return not_found(c);
  auto r = commands::accept_suggestion(c.app, *a);
  return after(c, *a, r ? Result<bool>(true) : Result<bool>(tl::unexpected(r.error())), "themes_accepted");
}

Response theme_action(Context& c) {
  auto a = runner(c);
  auto id = number(c.param("theme"));
  if (!a || !id) return not_found(c);
  auto action = c.param("action");
  if (action == "up") return after(c, *a, commands::move_theme(c.app, *a, *id, -1), "theme_changed");
  if (action == "down") return after(c, *a, commands::move_theme(c.app, *a, *id, +1), "theme_changed");
  if (action == "remove") return after(c, *a, commands::remove_theme(c.app, *a, *id), "theme_changed");
  return not_found(c);
}

Response theme_rename(Context& c) {
  auto a = runner(c);
  auto id = number(c.param("theme"));
  if (!a || !id) return not_found(c);
  return after(c, *a, commands::rename_theme(c.app, *a, *id, c.field("title")), "theme_changed");
}

Response note_place(Context& c) {
  auto a = runner(c);
  auto note = number(c.param("note"));
  auto theme = number(c.field("theme"));
  if (!a || !note) return not_found(c);
  if (!theme) return c.error_page(Error::of(ErrorCode::invalid, "breakouts_theme_not_found"));
  return after(c, *a, commands::place_note(c.app, *a, *note, *theme), "note_placed");
}

}  // namespace hs::breakouts::handlers
