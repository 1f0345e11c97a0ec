// People who can connect: the space's opt-in directory, one's own entry, getting in touch
// and the messages (commands/people.hpp says how addresses stay private).
#include "core/number.hpp"
#include "modules/conversations/commands/people.hpp"
#include "modules/conversations/handlers/common.hpp"
#include "modules/conversations/handlers/people.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::conversations::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr const char* kNotices[] = {"saved", "removed", "sent", "answered"};

std::string say(Context& c, const std::string& key, const std::vector<std::pair<std::string, std::string>>& args) {
  return c.app.renderer->format(key, args);
}

std::string people_path(const Space& s, const std::string& rest = "") { return base_path(s, "/people" + rest); }

void set_notice(Context& c, View& v, const std::string& prefix) {
  auto notice = std::string(c.query_param("notice"));
  for (auto n : kNotices)
    if (notice == n) v.set("notice", c.t(prefix + n));
}

View entry_view(Context& c, const Space& s, const commands::DirectoryEntry& e, std::int64_t viewer) {
  View x;
  x.set("name", e.name);
  x.set("pronouns", e.pronouns.value_or(""));
  x.set("has_pronouns", e.pronouns.has_value());
  x.set("ask", web::paragraphs(e.ask_me_about));
  View areas = View::list();
  for (const auto& a : e.areas) areas.push(View(a));
  x.set("has_areas", !e.areas.empty());
  x.set("areas", std::move(areas));
  x.set("is_you", e.user_id == viewer);
  x.set("can_contact", e.user_id != viewer && viewer != 0);
  x.set("contact_href", people_path(s, "/" + std::to_string(e.user_id) + "/contact"));
  (void)c;
  return x;
}

Response render_me(Context& c, const Space& s, const EntryInput& in, bool listed, const Error* error = nullptr,
                   int status = 200) {
  View v = spaces::space_page(c, s, "conversations_people_me_title");
  v.set("name", in.name);
  v.set("pronouns", in.pronouns);
  v.set("ask_me_about", in.ask_me_about);
  v.set("areas", in.areas);
  v.set("listed", listed);
  v.set("action", people_path(s, "/me"));
  v.set("remove_action", people_path(s, "/me/remove"));
  v.set("back_href", people_path(s));
  if (error) c.add_errors(v, *error);
  return c.page("conversations/people_me", v, status);
}

Response render_contact(Context& c, const Space& s, const commands::DirectoryEntry& e, const std::string& body,
                        const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, s, "conversations_people_contact_title", {{"person", e.name}});
  v.set("person", entry_view(c, s, e, 0));
  v.set("person_name", e.name);
  v.set("heading", say(c, "conversations_people_contact_heading", {{"person", e.name}}));
  v.set("body", body);
  v.set("action", people_path(s, "/" + std::to_string(e.user_id) + "/contact"));
  v.set("back_href", people_path(s));
  if (error) c.add_errors(v, *error);
  return c.page("conversations/people_contact", v, status);
}

}  // namespace

Response people_index(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  const auto& s = *in.space;
  auto d = commands::directory(c.app, s.space().id, viewer_id(c));
  if (!d) return refused(c, d.error());
  View v = spaces::space_page(c, s, "conversations_people_title");
  View people = View::list();
  for (const auto& e : d->people) people.push(entry_view(c, s, e, viewer_id(c)));
  if (!d->people.empty()) v.set("people", std::move(people));
  v.set("listed", d->mine.has_value());
  v.set("me_href", people_path(s, "/me"));
  v.set("messages_href", people_path(s, "/messages"));
  v.set("back_href", base_path(s));
  set_notice(c, v, "conversations_people_notice_");
  return c.page("conversations/people", v);
}

Response people_me_form(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  EntryInput form;
  auto mine = commands::own_entry(c.app, in.space->space().id, viewer_id(c));
  if (mine) {
    form.name = mine->name;
    form.pronouns = mine->pronouns.value_or("");
    form.ask_me_about = mine->ask_me_about;
    for (const auto& a : mine->areas) form.areas += (form.areas.empty() ? "" : "\n") + a;
  } else if (c.viewer) {
    form.name = c.viewer->display_name;
  }
  return render_me(c, *in.space, form, mine.has_value());
}

Response people_me_submit(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  EntryInput form;
  form.name = c.field("name");
  form.pronouns = c.field("pronouns");
  form.ask_me_about = c.field("ask_me_about");
  form.areas = c.field("areas");
  auto r = commands::opt_in(c.app, in.space->space().id, viewer_id(c), form);
  if (!r) {
    if (r.error().code != ErrorCode::invalid) return refused(c, r.error());
    const bool listed = commands::own_entry(c.app, in.space->space().id, viewer_id(c)).has_value();
    return render_me(c, *in.space, form, listed, &r.error(), 422);
  }
  return c.redirect(people_path(*in.space, "?notice=saved"));
}

Response people_me_remove(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  auto r = commands::opt_out(c.app, in.space->space().id, viewer_id(c));
  if (!r) return refused(c, r.error());
  return c.redirect(people_path(*in.space, "?notice=removed"));
}

Response people_contact_form(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  auto id = number::id(c.param("uid"));
  if (!id) return not_found(c);
  auto e = commands::person(c.app, in.space->space().id, viewer_id(c), *id);
  if (!e) return refused(c, e.error());
  if (e->user_id == viewer_id(c)) return c.redirect(people_path(*in.space, "/me"));
  return render_contact(c, *in.space, *e, "");
}

Response people_contact_submit(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  auto id = number::id(c.param("uid"));
  if (!id) return not_found(c);
  auto e = commands::person(c.app, in.space->space().id, viewer_id(c), *id);
  if (!e) return refused(c, e.error());
  const auto body = c.field("body");
  auto r = commands::get_in_touch(c.app, in.space->space().id, viewer_id(c), *id, body);
  if (!r) {
    const auto code = r.error().code;
    if (code == ErrorCode::invalid) return render_contact(c, *in.space, *e, body, &r.error(), 422);
    if (code == ErrorCode::rate_limited) return render_contact(c, *in.space, *e, body, &r.error(), 429);
    return refused(c, r.error());
  }
  return c.redirect(people_path(*in.space, "/messages/" + std::to_string(*r) + "?notice=sent"));
}

Response people_messages(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  const auto& s = *in.space;
  View v = spaces::space_page(c, s, "conversations_people_messages_title");
  View items = View::list();
  for (const auto& m : commands::messages(c.app, s.space().id, viewer_id(c))) {
    View x;
    x.set("href", people_path(s, "/messages/" + std::to_string(m.id)));
    x.set("line", say(c, m.sent_by_viewer ? "conversations_people_line_sent" : "conversations_people_line_received",
                                     {{"person", m.sent_by_viewer ? m.to_name : m.from_name}}));
    x.set("when", web::date_text(c, m.created_at));
    x.set("answered", m.answered_at.has_value());
    items.push(std::move(x));
  }
  if (!items.items().empty()) v.set("items", std::move(items));
  v.set("back_href", people_path(s));
  return c.page("conversations/people_messages", v);
}

namespace {

Response render_message(Context& c, const Space& s, const commands::Message& m, const std::string& answer,
                        const Error* error = nullptr, int status = 200) {
  const auto& other = m.sent_by_viewer ? m.to_name : m.from_name;
  View v = spaces::space_page(c, s, "conversations_people_message_title", {{"person", other}});
  v.set("heading", say(c, m.sent_by_viewer ? "conversations_people_heading_sent"
                                                          : "conversations_people_heading_received",
                                      {{"person", other}}));
  v.set("from_name", m.from_name);
  v.set("to_name", m.to_name);
  v.set("other_name", other);
  v.set("words", web::paragraphs(m.body));
  v.set("when", web::date_text(c, m.created_at));
  v.set("sent_by_you", m.sent_by_viewer);
  if (m.answer) {
    v.set("answered", true);
    v.set("answer", web::paragraphs(*m.answer));
    v.set("answered_when", web::date_text(c, m.answered_at.value_or(0)));
    const auto& other_email = m.sent_by_viewer ? m.to_email : m.from_email;
    v.set("other_email", other_email.value_or(""));
    v.set("has_other_email", other_email.has_value());
  } else if (!m.sent_by_viewer) {
    v.set("can_answer", true);
    v.set("answer_heading", say(c, "conversations_people_answer_heading", {{"person", other}}));
    v.set("answer_hint", say(c, "conversations_people_answer_hint", {{"person", other}}));
    v.set("answer_text", answer);
    v.set("action", people_path(s, "/messages/" + std::to_string(m.id) + "/answer"));
  }
  v.set("back_href", people_path(s, "/messages"));
  set_notice(c, v, "conversations_people_notice_");
  if (error) c.add_errors(v, *error);
  return c.page("conversations/people_message", v, status);
}

}  // namespace

Response people_message(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  auto id = number::id(c.param("id"));
  if (!id) return not_found(c);
  auto m = commands::message(c.app, in.space->space().id, *id, viewer_id(c));
  if (!m) return refused(c, m.error());
  return render_message(c, *in.space, *m, "");
}

Response people_answer_submit(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  auto id = number::id(c.param("id"));
  if (!id) return not_found(c);
  const auto body = c.field("body");
  auto r = commands::answer(c.app, in.space->space().id, *id, viewer_id(c), body);
  if (!r) {
    if (r.error().code != ErrorCode::invalid) return refused(c, r.error());
    auto m = commands::message(c.app, in.space->space().id, *id, viewer_id(c));
    if (!m) return refused(c, m.error());
    return render_message(c, *in.space, *m, body, &r.error(), 422);
  }
  return c.redirect(people_path(*in.space, "/messages/" + std::to_string(*id) + "?notice=answered"));
}

}  // namespace hs::conversations::handlers
