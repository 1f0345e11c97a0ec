
#include "core/number.hpp"
#include "modules/spaces/handlers/handlers.hpp"

namespace hs::spaces::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

Response render_members(Context& c, const Loaded& s, const Error* error = nullptr, int status = 200) {
  View v = space_page_view(c, s, "spaces_members_title");
  const bool needs = view_access_needs(s.subject);
  const bool roles = change_roles(s.subject);
  v.set("can_change_roles", roles);
  v.set("can_view_access_needs", needs);
  View list = View::list();
  for (const auto& [m, access_needs] : commands::members(c.app, s.space().id, needs)) {
    View item;
    item.set("user_id", m.user_id);
    item.set("name", m.display_name);
    if (m.pronouns && !m.pronouns->empty()) item.set("pronouns", *m.pronouns);
    item.set("role_label", role_label(c, m.role));
    if (access_needs && !access_needs->empty()) {
      item.set("has_access_needs", true);
      item.set("access_needs", web::paragraphs(*access_needs));
    }
    // A partner's role comes with their organisation (the partners page), so it is not changed here.
    if (roles && m.role != "partner") {
      View options = View::list();
      for (auto r : {"member", "facilitator", "auditor", "steward", "treasurer"}) {
        View o;
        o.set("value", r);
        o.set("label", role_label(c, r));
        o.set("selected", m.role == r);
        options.push(std::move(o));
      }
      item.set("roles", std::move(options));
    }
    list.push(std::move(item));
  }
  v.set("members", std::move(list));
  View about = View::list();
  for (auto r : {"member", "facilitator", "auditor", "steward", "treasurer", "partner"}) {
    View o;
    o.set("label", role_label(c, r));
    o.set("about", c.t(std::string("spaces_role_") + r + "_about"));
    about.push(std::move(o));
  }
  v.set("roles_about", std::move(about));
  if (error) c.add_errors(v, *error);
  return c.page("spaces/members", v, status);
}

}  // namespace

Response members_index(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!view_members(s->subject)) return forbidden(c);
  return render_members(c, *s);
}

Response member_role(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!change_roles(s->subject)) return forbidden(c);
  auto user_id = number::id(c.param("user_id"));
  if (!user_id) return not_found(c);
  auto r = commands::change_role(c.app, s->space().id, *user_id, c.field("role"));
  if (!r && r.error().code == ErrorCode::not_found) return not_found(c);
  if (!r) {
    auto e = at_field(r.error(), "role-" + std::to_string(*user_id));
    return render_members(c, *s, &e, web::http_status(e.code));
  }
  return c.redirect(redirect_with_notice("/spaces/" + s->space().slug + "/members", "role_changed"));
}

Result<std::string> space_live(Context& c) {
  auto s = load_space(c);
  if (!s) return fail(ErrorCode::not_found, "spaces_not_found");
  if (!c.viewer) return fail(ErrorCode::unauthenticated, "spaces_forbidden");
  if (!view_members(s->subject)) return fail(ErrorCode::forbidden, "spaces_forbidden");
  return "space:" + std::to_string(s->space().id);
}

}  // namespace hs::spaces::handlers
