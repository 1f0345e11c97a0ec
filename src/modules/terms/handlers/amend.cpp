// GET and POST /spaces/{slug}/terms/amend: a member proposes a new text (the space's
// first terms start from the template), with a short summary, a review date and how
// the members will decide.
#include "modules/decisions/module.hpp"
#include "modules/terms/commands/commands.hpp"
#include "modules/terms/handlers/common.hpp"
#include "modules/terms/handlers/handlers.hpp"
#include "modules/terms/permissions.hpp"
#include "modules/terms/rules/amendment.hpp"

namespace hs::terms::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr decisions::Method kMethods[] = {decisions::Method::consent, decisions::Method::consensus,
                                          decisions::Method::majority};

Response render_form(Context& c, const Space& s, const commands::AmendmentForm& f, const Error* error = nullptr,
                     int status = 200) {
  View v = spaces::space_page(c, s, "terms_amend_title");
  decisions::handlers::add_form_view(c, v, f.decision, kMethods);
  View t;
  t.set("body", f.body);
  t.set("summary", f.summary);
  t.set("review_day", f.review_day);
  t.set("review_month", f.review_month);
  t.set("review_year", f.review_year);
  v.set("terms", std::move(t));
  v.set("action", terms_path(s, "/amend"));
  v.set("terms_href", terms_path(s));
  auto cur = commands::current(c.app, s.space().id);
  v.set("first", !cur.has_value());
  if (cur) v.set("current_number", cur->number);
  if (auto p = commands::pending(c.app, s.space().id)) v.set("pending", version_view(c, s, *p, false));
  if (error) c.add_errors(v, *error);
  return c.page("terms/amend", v, status);
}

}  // namespace

Response amend_form(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  const auto& s = *a.space;
  if (!permissions::propose_amendment(s.subject)) return forbidden(c);
  const auto now = c.app.clock->now();
  commands::AmendmentForm f;
  auto cur = commands::current(c.app, s.space().id);
  f.body = cur ? cur->body : commands::template_text(c.app, s.space().name);
  auto year = iso_day(now + 365LL * 24 * 60 * 60);
  f.review_year = year.substr(0, 4);
  f.review_month = std::to_string(std::stoi(year.substr(5, 2)));
  f.review_day = std::to_string(std::stoi(year.substr(8, 2)));
  f.decision = decisions::default_fields(now);
  return render_form(c, s, f);
}

Response amend_create(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  const auto& s = *a.space;
  if (!permissions::propose_amendment(s.subject)) return forbidden(c);
  commands::AmendmentForm f;
  // The text is kept exactly as typed (trimmed at the ends only by the rules).
  for (const auto& [k, val] : c.form())
    if (k == "body") f.body = val;
  f.summary = c.field("summary");
  f.review_day = c.field("review_day");
  f.review_month = c.field("review_month");
  f.review_year = c.field("review_year");
  f.decision = decisions::handlers::fields_from(c);
  auto r = commands::propose_amendment(c.app, s.space().id, c.viewer->user_id, f);
  if (!r) {
    auto e = r.error();
    if (e.code == ErrorCode::forbidden) return forbidden(c);
    if (e.fields.empty()) e.fields.push_back({"body", e.message_key});
    return render_form(c, s, f, &e, web::http_status(e.code));
  }
  return c.redirect("/spaces/" + s.space().slug + "/decisions/" + std::to_string(r->proposal_id) + "?notice=opened");
}

}  // namespace hs::terms::handlers
