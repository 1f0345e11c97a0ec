// GET and POST /spaces/{slug}/decisions/new: a member opens a proposal.
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/handlers/common.hpp"
#include "modules/decisions/handlers/form_view.hpp"
#include "modules/decisions/handlers/handlers.hpp"
#include "modules/decisions/permissions.hpp"

namespace hs::decisions::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

Response render_form(Context& c, const Space& s, const ProposalFields& f, const Error* error = nullptr,
                     int status = 200) {
  View v = page_view(c, s, "decisions_new_title");
  add_form_view(c, v, f, kAllMethods);
  v.set("action", "/spaces/" + s.space().slug + "/decisions/new");
  if (error) c.add_errors(v, *error);
  return c.page("decisions/new", v, status);
}

}  // namespace

Response proposal_new_form(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  if (!permissions::open_proposal(a.space->subject)) return forbidden(c);
  return render_form(c, *a.space, decisions::default_fields(c.app.clock->now()));
}

Response proposal_create(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  if (!permissions::open_proposal(a.space->subject)) return forbidden(c);
  auto f = fields_from(c);
  auto parsed = parse_proposal(f, c.app.clock->now());
  if (!parsed) return render_form(c, *a.space, f, &parsed.error(), 422);
  auto id = commands::open(c.app, a.space->space().id, c.viewer->user_id, *parsed);
  if (!id) return render_form(c, *a.space, f, &id.error(), web::http_status(id.error().code));
  return c.redirect(decision_path(*a.space, *id, "?notice=opened"));
}

}  // namespace hs::decisions::handlers
