#include "modules/actions/handlers/common.hpp"

#include "core/dates.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::actions::handlers {

using web::Context;
using web::Response;
using web::View;

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "actions_not_found")); }

Loaded load_space(Context& c) {
  Loaded l;
  l.space = spaces::space_in_path(c);
  if (!l.space) {
    l.refusal = not_found(c);
    return l;
  }
  l.page_public = commands::page_public(c.app, l.space->space().id);
  if (!permissions::view_actions(l.space->subject, l.page_public)) {
    l.refusal = c.viewer ? forbidden(c, "actions_members_only") : c.need_signin();
    l.space.reset();
  }
  return l;
}

std::string actions_path(const Space& s, const std::string& rest) {
  return "/spaces/" + s.space().slug + "/actions" + rest;
}

std::string status_label(Context& c, const std::string& status) { return c.t("actions_status_" + status); }

namespace {

const char* tag_class(const std::string& status) {
  if (status == "looking_at") return "govuk-tag--blue";
  if (status == "planned") return "govuk-tag--yellow";
  if (status == "made") return "govuk-tag--green";
  if (status == "not_changing") return "govuk-tag--orange";
  return "govuk-tag--grey";
}

}  // namespace

View action_view(Context& c, const Space& s, const commands::Shown& a) {
  const auto& r = a.row;
  View v;
  v.set("id", r.id);
  v.set("href", actions_path(s, "/" + std::to_string(r.id)));
  v.set("title", r.title);
  if (!r.details.empty()) v.set("details", web::paragraphs(r.details));
  v.set("organisation", a.organisation);
  v.set("status", r.status);
  v.set("status_label", status_label(c, r.status));
  v.set("tag_class", tag_class(r.status));
  if (r.due_on)
    if (auto d = dates::parse_day(*r.due_on)) v.set("due", web::date_text(c, *d));
  v.set("raised", web::date_text(c, r.created_at));
  v.set("updated", web::date_text(c, r.updated_at));
  View source;
  if (a.decision) {
    if (a.decision->readable) {
      source.set("decision_title", a.decision->title);
      source.set("decision_href", "/spaces/" + s.space().slug + "/decisions/" + std::to_string(a.decision->id));
    } else {
      source.set("decision_not_readable", true);
    }
  } else if (a.source.withdrawn) {
    source.set("withdrawn", true);
  } else if (a.source.readable) {
    source.set("story_title", a.source.title);
    source.set("story_href", "/spaces/" + s.space().slug + "/stories/" + std::to_string(a.source.id));
  } else {
    source.set("not_readable", true);
  }
  v.set("source", std::move(source));
  View history = View::list();
  for (const auto& u : a.history) {
    View x;
    x.set("status_label", status_label(c, u.status));
    x.set("when", web::date_text(c, u.created_at));
    x.set("datetime", dates::format(u.created_at, dates::Style::rfc3339));
    if (!u.text.empty()) x.set("text", web::paragraphs(u.text));
    if (u.link) x.set("link", *u.link);
    x.set("is_made", u.status == "made");
    x.set("is_not_changing", u.status == "not_changing");
    history.push(std::move(x));
  }
  v.set("history", std::move(history));
  return v;
}

}  // namespace hs::actions::handlers
