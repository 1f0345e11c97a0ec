// GET /spaces/{slug}/stories/{id}: the story (its content note first), the responses and
// replies, and what this person may do: the author edits, withdraws and answers
// suggestions; facilitators hold, release and suggest; partners respond.
#include "modules/stories/handlers/common.hpp"
#include "modules/stories/handlers/handlers.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::stories::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr const char* kNotices[] = {"shared",   "edited",   "held",     "released",     "suggested",
                                    "accepted", "rejected", "answered", "answer_edited"};

}  // namespace

Response render_story(Context& c, const Space& s, const commands::Shown& st, const Error* error, int status,
                      const std::string& typed) {
  View v = spaces::space_page(c, s, "stories_show_title", {{"title", st.row.title}});
  v.set("story", story_view(c, s, st, true));
  v.set("stories_href", stories_path(s));
  const auto& who = st.reader;
  const bool author = permissions::edit_story(who, st.facts);
  const bool moderator = permissions::moderate(who, st.facts);
  if (st.row.hold_reason && (author || moderator)) {
    View hold;
    hold.set("paragraphs", web::paragraphs(*st.row.hold_reason));
    v.set("hold", std::move(hold));
  }
  if (author) {
    v.set("can_edit", true);
    v.set("edit_href", story_path(s, st.row.id, "/edit"));
    v.set("withdraw_href", story_path(s, st.row.id, "/withdraw"));
  }
  if (auto g = commands::open_suggestion(c.app, st.row.id); g && (author || moderator)) {
    View x;
    x.set("reason", web::paragraphs(g->reason));
    x.set("title", g->title);
    x.set("blocks", web::code_blocks(g->body));
    if (g->content_note) x.set("content_note", *g->content_note);
    x.set("action", story_path(s, st.row.id, "/suggestions/" + std::to_string(g->id)));
    x.set("for_author", author);
    v.set("suggestion", std::move(x));
  } else if (moderator) {
    v.set("suggest_href", story_path(s, st.row.id, "/suggest"));
  }
  if ((author || moderator) && st.row.number > 1) v.set("versions_href", story_path(s, st.row.id, "/versions"));
  if (moderator) {
    v.set("can_moderate", true);
    v.set(st.facts.status == Status::held ? "can_release" : "can_hold", true);
    v.set("hold_action", story_path(s, st.row.id, "/hold"));
    v.set("release_action", story_path(s, st.row.id, "/release"));
  }
  View answers = View::list();
  for (const auto& r : commands::responses(c.app, st)) {
    View x;
    x.set("id", r.row.id);
    x.set("is_reply", r.row.kind == "reply");
    if (r.by.empty()) x.set("by_anonymous", true);
    else x.set("by", r.by);
    x.set("text", web::paragraphs(r.row.body));
    x.set("when", web::date_text(c, r.row.created_at));
    if (!r.earlier.empty()) {
      x.set("edited", web::date_text(c, r.row.updated_at));
      View earlier = View::list();
      for (const auto& e : r.earlier) {
        View y;
        y.set("number", e.number);
        y.set("when", web::date_text(c, e.created_at));
        y.set("text", web::paragraphs(e.body));
        earlier.push(std::move(y));
      }
      x.set("earlier", std::move(earlier));
    }
    if (c.viewer && r.row.author_id && *r.row.author_id == c.viewer->user_id && st.facts.status != Status::withdrawn)
      x.set("answer_edit_href", story_path(s, st.row.id, "/responses/" + std::to_string(r.row.id) + "/edit"));
    answers.push(std::move(x));
  }
  if (!answers.items().empty()) v.set("answers", std::move(answers));
  if (permissions::respond(who, st.facts)) {
    View f;
    f.set("action", story_path(s, st.row.id, "/responses"));
    f.set("body", typed);
    if (auto org = commands::partner_organisation(c.app, s.space().id, c.viewer->user_id)) {
      f.set("organisation", org->name);
      v.set("respond", std::move(f));
    } else {
      v.set("no_organisation", true);
    }
  } else if (permissions::reply(who, st.facts) && st.responses > 0) {
    View f;
    f.set("action", story_path(s, st.row.id, "/responses"));
    f.set("body", typed);
    v.set("reply", std::move(f));
  }
  auto notice = std::string(c.query_param("notice"));
  for (auto n : kNotices)
    if (notice == n) v.set("notice", c.t("stories_notice_" + notice));
  if (error) c.add_errors(v, *error);
  return c.page("stories/show", v, status);
}

Response versions_page(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  const auto& st = *l.story;
  if (!permissions::view_versions(st.reader, st.facts)) return not_found(c);
  View v = spaces::space_page(c, *l.space, "stories_versions_title", {{"title", st.row.title}});
  View list = View::list();
  auto all = commands::versions(c.app, st.row.id);
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    View x;
    x.set("number", it->number);
    x.set("title", it->title);
    x.set("when", web::date_text(c, it->created_at));
    if (it->content_note) x.set("content_note", *it->content_note);
    x.set("blocks", web::code_blocks(it->body));
    x.set("current", it->number == st.row.number);
    list.push(std::move(x));
  }
  v.set("versions", std::move(list));
  v.set("back_href", story_path(*l.space, st.row.id));
  return c.page("stories/versions", v);
}

Response story_show(Context& c) {
  auto l = load_story(c);
  if (!l.story) return std::move(l.refusal);
  return render_story(c, *l.space, *l.story, nullptr, 200, "");
}

}  // namespace hs::stories::handlers
