// Opening an invitation link: see the space, its purpose and code of conduct, accept.
#include "modules/spaces/handlers/handlers.hpp"
#include "modules/spaces/module.hpp"
#include "web/render.hpp"

namespace hs::spaces::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

Response gone(Context& c, InvitationState state) {
  View v = c.view("spaces_invite_gone_title");
  v.set("used", state == InvitationState::used);
  return c.page("spaces/invite_gone", v, 410);
}

Response render_invite(Context& c, const commands::FoundInvitation& f, const Error* error = nullptr, int status = 200) {
  View v = c.view("spaces_invite_title");
  v.set("page_title", c.app.renderer->format("spaces_invite_title", {{"space", f.space.name}}));
  v.set("space", space_view(c, f.space));
  v.set("code", web::code_blocks(f.space.code_of_conduct));
  v.set("token_path", std::string(c.req.path));
  if (error) c.add_errors(v, *error);
  return c.page("spaces/invite", v, status);
}

}  // namespace

Response invite_show(Context& c) {
  std::string token(c.param("token"));
  auto f = commands::find_invitation(c.app, token);
  if (!f) return not_found(c);
  if (f->state != InvitationState::valid) return gone(c, f->state);
  // Signed out: sign in or create an account, then come back here.
  if (!c.viewer) return c.need_signin();
  auto mine = commands::space_for_viewer(c.app, f->space.slug, c.viewer->user_id);
  auto role = mine ? parse_role(mine->role).value_or(Role::none) : Role::none;
  if (role != Role::none) return c.redirect("/spaces/" + f->space.slug);
  auto visibility = parse_visibility(f->space.visibility).value_or(Visibility::private_space);
  if (!accept_invitation(subject_for(c, role, visibility, true))) return forbidden(c);
  return render_invite(c, *f);
}

Response invite_accept(Context& c) {
  std::string token(c.param("token"));
  auto f = commands::find_invitation(c.app, token);
  if (!f) return not_found(c);
  if (!c.viewer) return sign_in_then(c, std::string(c.req.path));
  auto r = commands::accept_invitation(c.app, actor(c), token, c.checked("accept_code"));
  if (!r) {
    if (r.error().code == ErrorCode::not_found) return not_found(c);
    if (r.error().code == ErrorCode::conflict)
      return gone(c, r.error().message_key == "spaces_invite_used" ? InvitationState::used : InvitationState::expired);
    return render_invite(c, *f, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(redirect_with_notice("/spaces/" + *r, "joined"));
}

}  // namespace hs::spaces::handlers
