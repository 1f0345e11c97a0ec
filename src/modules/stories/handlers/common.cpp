#include "modules/stories/handlers/common.hpp"

#include <algorithm>

#include "core/number.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::stories::handlers {

using web::Context;
using web::Response;
using web::View;

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "stories_not_found")); }

Loaded load_story(Context& c) {
  Loaded l;
  l.space = spaces::space_in_path(c);
  auto id = number::id(c.param("id"));
  if (!l.space || !id) {
    l.refusal = not_found(c);
    return l;
  }
  auto s = commands::story(c.app, l.space->space().id, *id, l.space->subject, viewer_id(c));
  if (s && s->facts.status == Status::withdrawn) {
    View v = spaces::space_page(c, *l.space, "stories_withdrawn_title");
    v.set("stories_href", stories_path(*l.space));
    l.refusal = c.page("stories/withdrawn", v, 410);
  } else if (!s || !permissions::read_story(s->reader, s->facts)) {
    l.refusal = c.viewer ? not_found(c) : c.need_signin();
  } else {
    l.story = std::move(s);
  }
  return l;
}

std::string stories_path(const Space& s, const std::string& rest) {
  return "/spaces/" + s.space().slug + "/stories" + rest;
}

std::string story_path(const Space& s, std::int64_t id, const std::string& rest) {
  return stories_path(s, "/" + std::to_string(id) + rest);
}

View story_view(Context& c, const Space& s, const commands::Shown& st, bool with_text) {
  const auto& r = st.row;
  View v;
  v.set("id", r.id);
  v.set("href", story_path(s, r.id));
  v.set("title", r.title);
  if (st.author.empty()) v.set("anonymous", true);
  else v.set("author", st.author);
  if (st.reader.is_author) v.set("yours", true);
  if (r.content_note) v.set("content_note", *r.content_note);
  View topics = View::list();
  for (const auto& t : st.topics) topics.push(View(t));
  v.set("has_topics", !st.topics.empty());
  v.set("topics", std::move(topics));
  View about = View::list();
  for (const auto& o : st.about) about.push(View(o.name));
  v.set("has_about", !st.about.empty());
  v.set("about", std::move(about));
  v.set("status", r.status);
  v.set("status_label", c.t("stories_status_" + r.status));
  v.set("is_" + r.status, true);
  v.set("readers_label", c.t("stories_audience_" + r.audience + "_short"));
  v.set("shared", web::date_text(c, r.created_at));
  if (r.number > 1) v.set("edited", web::date_text(c, r.updated_at));
  v.set("responses", st.responses);
  if (st.responses == 1) v.set("one_response", true);
  if (with_text) v.set("blocks", web::code_blocks(r.body));
  return v;
}

View form_view(Context& c, const Space& s, const StoryInput& in, const std::vector<std::int64_t>& about) {
  View f;
  f.set("title", in.title);
  f.set("body", in.body);
  f.set("content_note", in.content_note);
  f.set("topics", in.topics);
  f.set("pseudonym", in.pseudonym);
  View audiences = View::list();
  for (auto a : {"members", "partners", "anyone"}) {
    View o;
    o.set("value", a);
    // The first choice carries the field's name, for the error summary's link.
    o.set("id", std::string_view(a) == "members" ? std::string("audience") : std::string("audience-") + a);
    o.set("label", c.t(std::string("stories_audience_") + a));
    o.set("hint", c.t(std::string("stories_audience_") + a + "_hint"));
    o.set("checked", in.audience == a);
    audiences.push(std::move(o));
  }
  f.set("audiences", std::move(audiences));
  View shown = View::list();
  for (auto a : {"name", "pseudonym", "anonymous"}) {
    View o;
    o.set("value", a);
    o.set("id", std::string_view(a) == "name" ? std::string("shown_as") : std::string("shown-") + a);
    o.set("label", c.t(std::string("stories_shown_") + a));
    o.set("hint", c.t(std::string("stories_shown_") + a + "_hint"));
    o.set("checked", in.shown_as == a);
    if (std::string_view(a) == "pseudonym") o.set("is_pseudonym", true);
    shown.push(std::move(o));
  }
  f.set("shown", std::move(shown));
  View orgs = View::list();
  for (const auto& o : commands::organisations(c.app, s.space().id)) {
    View x;
    x.set("value", o.id);
    x.set("id", orgs.items().empty() ? std::string("about") : "about-" + std::to_string(o.id));
    x.set("label", o.name);
    x.set("checked", std::find(about.begin(), about.end(), o.id) != about.end());
    orgs.push(std::move(x));
  }
  if (!orgs.items().empty()) f.set("organisations", std::move(orgs));
  auto consent = commands::consent(c.app, s.space().id);
  f.set("consent_text", web::code_blocks(consent.body));
  f.set("consent", in.consent);
  return f;
}

StoryInput read_story_form(Context& c) {
  StoryInput in;
  // The words are kept exactly as typed (trimmed at the ends only, by the rules).
  for (const auto& [k, val] : c.form()) {
    if (k == "body") in.body = val;
    else if (k == "title") in.title = val;
  }
  in.content_note = c.field("content_note");
  in.topics = c.field("topics");
  in.audience = c.field("audience");
  in.shown_as = c.field("shown_as");
  in.pseudonym = c.field("pseudonym");
  in.consent = c.checked("consent");
  return in;
}

std::vector<std::int64_t> read_about(Context& c) {
  std::vector<std::int64_t> out;
  for (const auto& [k, val] : c.form())
    if (k == "about")
      if (auto id = number::id(val); id && std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
  return out;
}

}  // namespace hs::stories::handlers
