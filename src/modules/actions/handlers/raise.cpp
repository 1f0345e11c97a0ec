// GET and POST /spaces/{slug}/actions/new: facilitators and stewards (and a partner, for
// their own organisation) raise an action from a story or a decision, and facilitators from
// a theme of an event report (?theme=N, linked beside each theme of the report), naming
// the organisation that owns it and, if they want, a due date. A refused form keeps what
// was typed.
#include "core/dates.hpp"
#include "core/number.hpp"
#include "modules/actions/handlers/common.hpp"
#include "modules/actions/handlers/handlers.hpp"

namespace hs::actions::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

struct Typed {
  // source: story-N | decision-N | theme-N
  std::string title, details, source, organisation, due_day, due_month, due_year;
};

Response render(Context& c, const Space& s, const permissions::Actor& who, const Typed& in,
                const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, s, "actions_new_title");
  View f;
  f.set("title", in.title);
  f.set("details", in.details);
  f.set("due_day", in.due_day);
  f.set("due_month", in.due_month);
  f.set("due_year", in.due_year);
  View stories = View::list();
  for (const auto& st : commands::sources(c.app, s.space().id, s.subject, viewer_id(c))) {
    View o;
    o.set("value", "story-" + std::to_string(st.id));
    o.set("label", st.title);
    o.set("selected", "story-" + std::to_string(st.id) == in.source);
    stories.push(std::move(o));
  }
  f.set("has_stories", !stories.items().empty());
  if (!stories.items().empty()) f.set("stories", std::move(stories));
  View decisions = View::list();
  for (const auto& d : commands::decision_sources(c.app, s.space().id, s.subject)) {
    View o;
    o.set("value", "decision-" + std::to_string(d.id));
    o.set("label", d.title);
    o.set("selected", "decision-" + std::to_string(d.id) == in.source);
    decisions.push(std::move(o));
  }
  f.set("has_decisions", !decisions.items().empty());
  if (!decisions.items().empty()) f.set("decisions", std::move(decisions));
  // A theme is offered when the report's "Raise an action" brought the person here: a
  // space's events may hold hundreds of themes, and the report is where they are read.
  if (in.source.starts_with("theme-") && permissions::raise_from_theme(who))
    if (auto id = number::id(in.source.substr(6)))
      if (auto t = commands::theme_source(c.app, s.space().id, *id)) {
        View o;
        o.set("value", in.source);
        o.set("label", t->title + " (" + t->event_title + ")");
        o.set("selected", true);
        f.set("themes", std::move(o));
      }
  View orgs = View::list();
  for (const auto& o : commands::organisations(c.app, s.space().id)) {
    if (!permissions::raise_action(who, o.id)) continue;
    View x;
    x.set("value", o.id);
    x.set("label", o.name);
    x.set("selected", std::to_string(o.id) == in.organisation);
    orgs.push(std::move(x));
  }
  if (!orgs.items().empty()) f.set("organisations", std::move(orgs));
  // What was already raised from the source this form starts from.
  if (auto dash = in.source.find('-'); dash != std::string::npos)
    if (auto id = number::id(in.source.substr(dash + 1))) {
      View already = View::list();
      for (const auto& a : commands::raised_from(c.app, s.space().id, in.source.substr(0, dash), *id)) {
        View x;
        x.set("title", a.title);
        x.set("status", status_label(c, a.status));
        x.set("href", actions_path(s, "/" + std::to_string(a.id)));
        already.push(std::move(x));
      }
      if (!already.items().empty()) {
        v.set("already", std::move(already));
        v.set("already_heading", c.t("actions_already_raised"));
      }
    }
  v.set("form", std::move(f));
  v.set("action", actions_path(s, "/new"));
  v.set("back_href", actions_path(s));
  if (error) c.add_errors(v, *error);
  return c.page("actions/new", v, status);
}

}  // namespace

Response raise_form(Context& c) {
  auto l = load_space(c);
  if (!l.space) return std::move(l.refusal);
  auto who = commands::actor(c.app, l.space->space().id, l.space->subject, viewer_id(c));
  if (!permissions::raise_any(who)) return forbidden(c, "actions_not_allowed_raise");
  Typed in;
  if (auto story = c.query_param("story"); !story.empty()) in.source = "story-" + std::string(story);
  if (auto decision = c.query_param("decision"); !decision.empty()) in.source = "decision-" + std::string(decision);
  if (auto theme = c.query_param("theme"); !theme.empty()) in.source = "theme-" + std::string(theme);
  if (who.organisation_id > 0) in.organisation = std::to_string(who.organisation_id);
  return render(c, *l.space, who, in);
}

Response raise_submit(Context& c) {
  auto l = load_space(c);
  if (!l.space) return std::move(l.refusal);
  const auto& s = *l.space;
  auto who = commands::actor(c.app, s.space().id, s.subject, viewer_id(c));
  if (!permissions::raise_any(who)) return forbidden(c, "actions_not_allowed_raise");
  Typed t{c.field("title"),   c.field("details"),   c.field("source"),  c.field("organisation"),
          c.field("due_day"), c.field("due_month"), c.field("due_year")};
  RaiseInput in;
  in.title = t.title;
  in.details = t.details;
  if (t.source.starts_with("story-")) in.story_id = number::id(t.source.substr(6)).value_or(0);
  if (t.source.starts_with("decision-")) in.decision_id = number::id(t.source.substr(9)).value_or(0);
  if (t.source.starts_with("theme-")) in.theme_id = number::id(t.source.substr(6)).value_or(0);
  in.organisation_id = number::id(t.organisation).value_or(0);
  if (!t.due_day.empty() || !t.due_month.empty() || !t.due_year.empty()) {
    auto d = dates::parse_day(t.due_day, t.due_month, t.due_year);
    // Something typed that is not a date: the rules say so for the field.
    in.due_on = d ? dates::format(*d, dates::Style::day) : std::string("not a date");
  }
  auto r = commands::raise(c.app, s.space().id, viewer_id(c), in);
  if (!r) {
    auto e = r.error();
    if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
    if (e.fields.empty()) e.fields.push_back({"title", e.message_key});
    return render(c, s, who, t, &e, web::http_status(e.code));
  }
  return c.redirect(actions_path(s, "/" + std::to_string(*r) + "?notice=raised"));
}

}  // namespace hs::actions::handlers
