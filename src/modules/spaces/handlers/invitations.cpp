#include "modules/spaces/handlers/handlers.hpp"
#include "web/render.hpp"

namespace hs::spaces::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

Response render_invitations(Context& c, const Loaded& s, const commands::NewInvitation* created,
                            const Error* error = nullptr, int status = 200, const std::string& email = "",
                            const std::string& days = "") {
  View v = space_page_view(c, s, "spaces_invitations_title");
  if (created) {
    View n;
    n.set("link", created->link);
    n.set("expires", web::date_text(c, created->expires_at));
    n.set("emailed", created->emailed);
    if (created->emailed) n.set("email", email);
    v.set("created", std::move(n));
  }
  View form;
  if (!created && !email.empty()) form.set("email", email);
  form.set("days", days.empty() || created ? std::to_string(kInvitationDefaultDays) : days);
  v.set("form", std::move(form));
  v.set("max_days", std::to_string(kInvitationMaxDays));

  View list = View::list();
  for (const auto& i : commands::invitations(c.app, s.space().id)) {
    View item;
    item.set("created", web::date_text(c, i.row.created_at));
    if (!i.row.created_by_name.empty()) item.set("by", i.row.created_by_name);
    if (i.email) item.set("email", *i.email);
    switch (i.state) {
      case InvitationState::valid:
        item.set("state",
                 c.app.renderer->format("spaces_invite_state_valid", {{"date", web::date_text(c, i.row.expires_at)}}));
        break;
      case InvitationState::expired: item.set("state", c.t("spaces_invite_state_expired")); break;
      case InvitationState::used:
        item.set("state", i.row.used_by_name.empty()
                              ? c.t("spaces_invite_state_used")
                              : c.app.renderer->format("spaces_invite_state_used_by", {{"name", i.row.used_by_name}}));
        break;
    }
    list.push(std::move(item));
  }
  v.set("has_invitations", !list.items().empty());
  v.set("invitations", std::move(list));
  if (error) c.add_errors(v, *error);
  return c.page("spaces/invitations", v, status);
}

}  // namespace

Response invitations_index(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!invite(s->subject)) return forbidden(c);
  return render_invitations(c, *s, nullptr);
}

Response invitation_create(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!invite(s->subject)) return forbidden(c);
  auto email = c.field("email");
  auto days = c.field("days");
  auto r = commands::create_invitation(c.app, actor(c), s->space(), email, days);
  if (!r) return render_invitations(c, *s, nullptr, &r.error(), web::http_status(r.error().code), email, days);
  // The link is shown this once: only its hash is kept.
  return render_invitations(c, *s, &*r, nullptr, 201, email, days);
}

}  // namespace hs::spaces::handlers
