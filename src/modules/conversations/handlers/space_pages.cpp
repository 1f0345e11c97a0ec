// The space's conversations: the list, starting one, the facilitators' queue, whether
// members may post anonymously, and each person's notification choices for the space.
#include "modules/conversations/handlers/common.hpp"
#include "modules/conversations/handlers/handlers.hpp"
#include "modules/conversations/handlers/links.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::conversations::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr const char* kNotices[] = {"saved", "settings_saved"};

Response render_new(Context& c, const Space& s, const PostInput& in, const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, s, "conversations_new_title");
  View f;
  f.set("title", in.title);
  f.set("body", in.body);
  f.set("content_note", in.content_note);
  f.set("kinds", kind_choices(c, in.kind));
  if (commands::allow_anonymous(c.app, s.space().id)) {
    f.set("allow_anonymous", true);
    f.set("anonymous", in.anonymous);
  }
  add_link_choices(c, f, s, c.req.method == "POST" ? c.field("link") : std::string(c.query_param("link")));
  v.set("form", std::move(f));
  v.set("action", base_path(s, "/new"));
  v.set("back_href", base_path(s));
  if (error) c.add_errors(v, *error);
  return c.page("conversations/new", v, status);
}

}  // namespace

Response index(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  const auto& s = *in.space;
  View v = spaces::space_page(c, s, "conversations_index_title");
  View items = View::list();
  for (const auto& it : commands::list(c.app, s.space().id, viewer_id(c))) {
    View x = post_view(c, s, it.opening);
    x.set("title", title_for(c, it.conversation.title, it.opening));
    x.set("href", conversation_path(s, it.conversation.id));
    x.set("kind_label", c.t("conversations_kind_" + it.conversation.kind));
    x.set("kind", it.conversation.kind);
    x.set("replies", it.replies);
    if (it.replies == 1) x.set("one_reply", true);
    x.set("active", web::date_text(c, it.conversation.last_post_at));
    items.push(std::move(x));
  }
  if (!items.items().empty()) v.set("conversations", std::move(items));
  v.set("new_href", base_path(s, "/new"));
  v.set("choices_href", base_path(s, "/notifications"));
  if (permissions::moderate(s.subject)) v.set("queue_href", base_path(s, "/moderation"));
  if (permissions::manage_settings(s.subject)) v.set("settings_href", base_path(s, "/settings"));
  auto notice = std::string(c.query_param("notice"));
  for (auto n : kNotices)
    if (notice == n) v.set("notice", c.t(std::string("conversations_notice_") + n));
  return c.page("conversations/index", v);
}

Response new_form(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  if (!permissions::start_conversation(in.space->subject)) return not_found(c);
  PostInput blank;
  blank.kind = std::string(c.query_param("kind"));
  return render_new(c, *in.space, blank);
}

Response create(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  const auto form = read_post_form(c);
  auto link = chosen_link(c, *in.space);
  if (!link) return render_new(c, *in.space, form, &link.error(), 422);
  auto r = commands::start(c.app, in.space->space().id, viewer_id(c), form);
  if (!r) {
    if (r.error().code != ErrorCode::invalid) return refused(c, r.error());
    return render_new(c, *in.space, form, &r.error(), 422);
  }
  if (*link) (void)links::add(c.app, in.space->space().id, *r, viewer_id(c), links::value_of(**link));
  return c.redirect(conversation_path(*in.space, *r, form.anonymous ? "?notice=pending" : "?notice=started"));
}

Response queue_page(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  const auto& s = *in.space;
  if (!permissions::moderate(s.subject)) return not_found(c);
  View v = spaces::space_page(c, s, "conversations_queue_title");
  View items = View::list();
  for (const auto& q : commands::queue(c.app, s.space().id, viewer_id(c))) {
    View x = post_view(c, s, q.post);
    x.set("conversation_title", q.conversation_title);
    x.set("conversation_href",
          conversation_path(s, q.post.row.conversation_id, "#post-" + std::to_string(q.post.row.id)));
    View flags = View::list();
    for (const auto& f : q.flags) {
      View y;
      y.set("reason", web::paragraphs(f.reason));
      y.set("when", web::date_text(c, f.created_at));
      flags.push(std::move(y));
    }
    if (!q.flags.empty()) x.set("flags", std::move(flags));
    x.set("can_moderate", true);
    items.push(std::move(x));
  }
  if (!items.items().empty()) v.set("items", std::move(items));
  v.set("back_href", base_path(s));
  return c.page("conversations/queue", v);
}

Response settings_page(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  if (!permissions::manage_settings(in.space->subject)) return not_found(c);
  View v = spaces::space_page(c, *in.space, "conversations_settings_title");
  v.set("allow_anonymous", commands::allow_anonymous(c.app, in.space->space().id));
  v.set("action", base_path(*in.space, "/settings"));
  v.set("back_href", base_path(*in.space));
  return c.page("conversations/settings", v);
}

Response settings_submit(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  if (!permissions::manage_settings(in.space->subject)) return not_found(c);
  auto r =
      commands::set_allow_anonymous(c.app, in.space->space().id, viewer_id(c), c.field("allow_anonymous") == "yes");
  if (!r) return refused(c, r.error());
  return c.redirect(base_path(*in.space, "?notice=settings_saved"));
}

namespace {

Response render_choices(Context& c, const Space& s, const std::string& level, const std::string& email,
                        const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, s, "conversations_choices_title");
  View levels = View::list();
  for (auto l : {"watch", "normal", "mute"}) {
    View o;
    o.set("value", l);
    o.set("id", std::string_view(l) == "watch" ? std::string("level") : std::string("level-") + l);
    o.set("label", c.t(std::string("conversations_level_") + l));
    o.set("hint", c.t(std::string("conversations_level_") + l + "_hint"));
    o.set("checked", level == l);
    levels.push(std::move(o));
  }
  View emails = View::list();
  for (auto e : {"at_once", "daily", "weekly", "never"}) {
    View o;
    o.set("value", e);
    o.set("id", std::string_view(e) == "at_once" ? std::string("email") : std::string("email-") + e);
    o.set("label", c.t(std::string("conversations_email_") + e));
    o.set("checked", email == e);
    emails.push(std::move(o));
  }
  v.set("levels", std::move(levels));
  v.set("emails", std::move(emails));
  v.set("action", base_path(s, "/notifications"));
  v.set("back_href", base_path(s));
  if (error) c.add_errors(v, *error);
  return c.page("conversations/choices", v, status);
}

}  // namespace

Response choices_page(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  auto ch = commands::choices(c.app, in.space->space().id, viewer_id(c));
  return render_choices(c, *in.space, ch.level, ch.email);
}

Response choices_submit(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  const auto level = c.field("level"), email = c.field("email");
  auto r = commands::set_choices(c.app, in.space->space().id, viewer_id(c), level, email);
  if (!r) {
    if (r.error().code != ErrorCode::invalid) return refused(c, r.error());
    return render_choices(c, *in.space, level, email, &r.error(), 422);
  }
  return c.redirect(base_path(*in.space, "?notice=saved"));
}

}  // namespace hs::conversations::handlers
