// GET /spaces/{slug}/stories: the stories this person may read, newest first; and
// /stories/mine (their own, withdrawn ones too) with its JSON download.
#include "modules/stories/handlers/common.hpp"
#include "modules/stories/handlers/handlers.hpp"

namespace hs::stories::handlers {

using web::Context;
using web::Response;
using web::View;

Response stories_index(Context& c) {
  auto s = spaces::space_in_path(c);
  if (!s) return not_found(c);
  if (!permissions::view_stories(s->subject)) return forbidden(c);
  View v = spaces::space_page(c, *s, "stories_index_title");
  View list = View::list();
  for (const auto& st : commands::readable(c.app, s->space().id, s->subject, viewer_id(c)))
    list.push(story_view(c, *s, st, false));
  if (!list.items().empty()) v.set("stories", std::move(list));
  v.set("can_write", permissions::write_story(s->subject));
  v.set("new_href", stories_path(*s, "/new"));
  v.set("mine_href", stories_path(*s, "/mine"));
  v.set("signed_in", c.viewer.has_value());
  v.set("can_manage_partners", permissions::manage_partners(s->subject));
  v.set("partners_href", stories_path(*s, "/partners"));
  v.set("consent_href", stories_path(*s, "/consent"));
  if (s->subject.role == spaces::Role::partner)
    if (auto org = commands::partner_organisation(c.app, s->space().id, viewer_id(c)))
      v.set("my_organisation", org->name);
  auto notice = c.query_param("notice");
  if (notice == "withdrawn") v.set("notice", c.t("stories_notice_withdrawn"));
  return c.page("stories/index", v);
}

Response mine_index(Context& c) {
  auto s = spaces::space_in_path(c);
  if (!s) return not_found(c);
  if (!c.viewer) return c.need_signin();
  View v = spaces::space_page(c, *s, "stories_mine_title");
  View list = View::list();
  const auto mine = commands::mine(c.app, s->space().id, s->subject, viewer_id(c));
  std::vector<std::int64_t> standing;
  for (const auto& st : mine)
    if (st.facts.status != Status::withdrawn) standing.push_back(st.row.id);
  auto notes = commands::story_notes(c.app, s->space().id, standing);
  for (const auto& st : mine) {
    auto item = story_view(c, *s, st, false);
    if (st.facts.status == Status::withdrawn) item.set("href", "");
    if (auto it = notes.find(st.row.id); it != notes.end()) {
      View lines = View::list();
      for (const auto& line : it->second) lines.push(View(line));
      item.set("notes", std::move(lines));
      item.set("has_notes", true);
    }
    list.push(std::move(item));
  }
  if (!list.items().empty()) v.set("stories", std::move(list));
  v.set("download_href", stories_path(*s, "/mine.json"));
  v.set("stories_href", stories_path(*s));
  return c.page("stories/mine", v);
}

Response mine_download(Context& c) {
  auto s = spaces::space_in_path(c);
  if (!s) return not_found(c);
  if (!c.viewer) return c.need_signin();
  Response res;
  res.body = commands::export_stories(c.app, s->space().id, viewer_id(c));
  res.set("Content-Type", "application/json; charset=utf-8");
  res.set("Content-Disposition", "attachment; filename=\"" + s->space().slug + "-my-stories.json\"");
  res.set("Cache-Control", "no-store");
  return res;
}

}  // namespace hs::stories::handlers
