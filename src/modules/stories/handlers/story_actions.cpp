// The author withdraws a story or answers a suggestion; facilitators hold a story back,
// release it, or suggest a change of words.
#include "core/number.hpp"
#include "modules/stories/handlers/common.hpp"
#include "modules/stories/handlers/handlers.hpp"

namespace hs::stories::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

// A refused form on the story page: field errors shown there, others as error pages.
Response refused_on_story(Context& c, const Loaded& l, Error e) {
  if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
  if (e.code == ErrorCode::not_found) return not_found(c);
  if (e.fields.empty()) e.fields.push_back({"", e.message_key});
  return render_story(c, *l.space, *l.story, &e, web::http_status(e.code), "");
}

Response render_suggest(Context& c, const Loaded& l, const commands::SuggestionInput& in, const Error* error = nullptr,
                        int status = 200) {
  const auto& st = *l.story;
  View v = spaces::space_page(c, *l.space, "stories_suggest_title", {{"title", st.row.title}});
  View f;
  f.set("reason", in.reason);
  f.set("title", in.title);
  f.set("body", in.body);
  f.set("content_note", in.content_note);
  v.set("form", std::move(f));
  v.set("action", story_path(*l.space, st.row.id, "/suggest"));
  v.set("back_href", story_path(*l.space, st.row.id));
  if (error) c.add_errors(v, *error);
  return c.page("stories/suggest", v, status);
}

}  // namespace

Response withdraw_form(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  if (!permissions::withdraw_story(l.story->reader, l.story->facts)) return forbidden(c, "stories_not_yours");
  View v = spaces::space_page(c, *l.space, "stories_withdraw_title", {{"title", l.story->row.title}});
  v.set("story", story_view(c, *l.space, *l.story, false));
  v.set("action", story_path(*l.space, l.story->row.id, "/withdraw"));
  v.set("back_href", story_path(*l.space, l.story->row.id));
  v.set("download_href", stories_path(*l.space, "/mine.json"));
  return c.page("stories/withdraw", v);
}

Response withdraw_submit(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  if (!permissions::withdraw_story(l.story->reader, l.story->facts)) return forbidden(c, "stories_not_yours");
  auto r = commands::withdraw_story(c.app, l.story->row.id, viewer_id(c));
  if (!r) return refused_on_story(c, l, r.error());
  return c.redirect(stories_path(*l.space, "/mine?notice=withdrawn"));
}

Response hold_submit(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  if (!permissions::moderate(l.story->reader, l.story->facts)) return forbidden(c, "stories_not_moderator");
  auto r = commands::hold_story(c.app, l.story->row.id, viewer_id(c), c.field("reason"));
  if (!r) return refused_on_story(c, l, r.error());
  return c.redirect(story_path(*l.space, l.story->row.id, "?notice=held"));
}

Response release_submit(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  if (!permissions::moderate(l.story->reader, l.story->facts)) return forbidden(c, "stories_not_moderator");
  auto r = commands::release_story(c.app, l.story->row.id, viewer_id(c));
  if (!r) return refused_on_story(c, l, r.error());
  return c.redirect(story_path(*l.space, l.story->row.id, "?notice=released"));
}

Response suggest_form(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  if (!permissions::moderate(l.story->reader, l.story->facts)) return forbidden(c, "stories_not_moderator");
  commands::SuggestionInput in;
  in.title = l.story->row.title;
  in.body = l.story->row.body;
  in.content_note = l.story->row.content_note.value_or("");
  return render_suggest(c, l, in);
}

Response suggest_submit(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  if (!permissions::moderate(l.story->reader, l.story->facts)) return forbidden(c, "stories_not_moderator");
  commands::SuggestionInput in;
  for (const auto& [k, val] : c.form()) {
    if (k == "body") in.body = val;
    else if (k == "title") in.title = val;
  }
  in.reason = c.field("reason");
  in.content_note = c.field("content_note");
  auto r = commands::suggest_change(c.app, l.story->row.id, viewer_id(c), in);
  if (!r) {
    auto e = r.error();
    if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
    if (e.fields.empty()) e.fields.push_back({"reason", e.message_key});
    return render_suggest(c, l, in, &e, web::http_status(e.code));
  }
  return c.redirect(story_path(*l.space, l.story->row.id, "?notice=suggested"));
}

Response suggestion_decide(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  if (!permissions::edit_story(l.story->reader, l.story->facts)) return forbidden(c, "stories_not_yours");
  auto sid = number::id(c.param("sid"));
  if (!sid) return not_found(c);
  const auto decision = c.field("decision");
  if (decision != "accept" && decision != "reject")
    return refused_on_story(c, l, Error::of(ErrorCode::invalid, "stories_decision_required"));
  const bool accept = decision == "accept";
  auto r = commands::decide_suggestion(c.app, l.story->row.id, *sid, viewer_id(c), accept);
  if (!r) return refused_on_story(c, l, r.error());
  return c.redirect(story_path(*l.space, l.story->row.id, accept ? "?notice=accepted" : "?notice=rejected"));
}

}  // namespace hs::stories::handlers
