// GET and POST /spaces/{slug}/stories/new and /stories/{id}/edit: a member shares a
// story, choosing who may read it and how they are shown, and agreeing to the space's
// consent text; its author changes it (each change of words a new version).
#include "modules/stories/handlers/common.hpp"
#include "modules/stories/handlers/handlers.hpp"

namespace hs::stories::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

Response render(Context& c, const Space& s, const StoryInput& in, const std::vector<std::int64_t>& about,
                std::optional<std::int64_t> story_id, const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, s, story_id ? "stories_edit_title" : "stories_new_title");
  v.set("form", form_view(c, s, in, about));
  v.set("editing", story_id.has_value());
  v.set("action", story_id ? story_path(s, *story_id, "/edit") : stories_path(s, "/new"));
  v.set("back_href", story_id ? story_path(s, *story_id) : stories_path(s));
  if (error) c.add_errors(v, *error);
  return c.page("stories/form", v, status);
}

Response refused(Context& c, const Space& s, const StoryInput& in, const std::vector<std::int64_t>& about,
                 std::optional<std::int64_t> story_id, Error e) {
  if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
  if (e.code == ErrorCode::not_found) return not_found(c);
  if (e.fields.empty()) e.fields.push_back({"body", e.message_key});
  return render(c, s, in, about, story_id, &e, web::http_status(e.code));
}

}  // namespace

Response story_new(Context& c) {
  auto s = spaces::space_in_path(c);
  if (!s) return not_found(c);
  if (!permissions::write_story(s->subject)) return forbidden(c, "stories_not_allowed");
  StoryInput in;
  in.audience = "members";
  in.shown_as = "name";
  return render(c, *s, in, {}, std::nullopt);
}

Response story_create(Context& c) {
  auto s = spaces::space_in_path(c);
  if (!s) return not_found(c);
  if (!permissions::write_story(s->subject)) return forbidden(c, "stories_not_allowed");
  auto in = read_story_form(c);
  auto about = read_about(c);
  auto r = commands::share_story(c.app, s->space().id, viewer_id(c), in, about);
  if (!r) return refused(c, *s, in, about, std::nullopt, r.error());
  return c.redirect(story_path(*s, *r, "?notice=shared"));
}

Response story_edit(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  const auto& st = *l.story;
  if (!permissions::edit_story(st.reader, st.facts)) return forbidden(c, "stories_not_yours");
  StoryInput in;
  in.title = st.row.title;
  in.body = st.row.body;
  in.content_note = st.row.content_note.value_or("");
  for (const auto& t : st.topics) in.topics += (in.topics.empty() ? "" : ", ") + t;
  in.audience = st.row.audience;
  in.shown_as = st.row.shown_as;
  in.pseudonym = st.row.pseudonym.value_or("");
  std::vector<std::int64_t> about;
  for (const auto& o : st.about) about.push_back(o.id);
  return render(c, *l.space, in, about, st.row.id);
}

Response story_update(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  const auto& st = *l.story;
  if (!permissions::edit_story(st.reader, st.facts)) return forbidden(c, "stories_not_yours");
  auto in = read_story_form(c);
  auto about = read_about(c);
  auto r = commands::edit_story(c.app, st.row.id, viewer_id(c), in, about);
  if (!r) return refused(c, *l.space, in, about, st.row.id, r.error());
  return c.redirect(story_path(*l.space, st.row.id, "?notice=edited"));
}

}  // namespace hs::stories::handlers
