// POST /spaces/{slug}/stories/{id}/responses: a partner's response for their organisation
// or the author's reply; GET and POST .../responses/{rid}/edit: its writer changes it.
#include "core/number.hpp"
#include "modules/stories/handlers/common.hpp"
#include "modules/stories/handlers/handlers.hpp"

namespace hs::stories::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

std::string typed_body(Context& c) {
  for (const auto& [k, val] : c.form())
    if (k == "body") return val;
  return "";
}

Response render_edit(Context& c, const Loaded& l, std::int64_t rid, const std::string& body,
                     const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, *l.space, "stories_answer_edit_title", {{"title", l.story->row.title}});
  v.set("body", body);
  v.set("action", story_path(*l.space, l.story->row.id, "/responses/" + std::to_string(rid) + "/edit"));
  v.set("back_href", story_path(*l.space, l.story->row.id));
  if (error) c.add_errors(v, *error);
  return c.page("stories/answer_edit", v, status);
}

}  // namespace

Response answer_submit(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  const auto body = typed_body(c);
  auto r = commands::answer(c.app, l.story->row.id, viewer_id(c), body);
  if (!r) {
    auto e = r.error();
    if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
    if (e.code == ErrorCode::not_found) return not_found(c);
    return render_story(c, *l.space, *l.story, &e, web::http_status(e.code), body);
  }
  return c.redirect(story_path(*l.space, l.story->row.id, "?notice=answered#answer-" + std::to_string(*r)));
}

Response answer_edit(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  auto rid = number::id(c.param("rid"));
  if (!rid) return not_found(c);
  for (const auto& r : commands::responses(c.app, *l.story))
    if (r.row.id == *rid && r.row.author_id && *r.row.author_id == viewer_id(c))
      return render_edit(c, l, *rid, r.row.body);
  return not_found(c);
}

Response answer_update(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  auto rid = number::id(c.param("rid"));
  if (!rid) return not_found(c);
  const auto body = typed_body(c);
  auto r = commands::edit_response(c.app, l.story->row.id, *rid, viewer_id(c), body);
  if (!r) {
    auto e = r.error();
    if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
    if (e.code == ErrorCode::not_found) return not_found(c);
    return render_edit(c, l, *rid, body, &e, web::http_status(e.code));
  }
  return c.redirect(story_path(*l.space, l.story->row.id, "?notice=answer_edited#answer-" + std::to_string(*rid)));
}

}  // namespace hs::stories::handlers
