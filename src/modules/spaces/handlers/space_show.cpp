#include "modules/spaces/handlers/handlers.hpp"
#include "modules/spaces/rules/join_request.hpp"
#include "web/render.hpp"

namespace hs::spaces::handlers {

using web::Context;
using web::Response;
using web::View;

Response render_show(Context& c, const Loaded& s, const Error* error, int status, const std::string& message) {
  View v = space_page_view(c, s, "spaces_show_title");
  v.set("page_title", s.space().name);
  const auto& sub = s.subject;
  v.set("code", web::code_blocks(s.space().code_of_conduct));
  v.set("member_count", c.app.renderer->format(s.sv.members == 1 ? "spaces_one_member" : "spaces_n_members",
                                               {{"count", std::to_string(s.sv.members)}}));
  v.set("signed_out", !sub.signed_in);
  if (!sub.signed_in) {
    v.set("signin_next", "/signin?next=%2Fspaces%2F" + s.space().slug);
    v.set("signup_next", "/signup?next=%2Fspaces%2F" + s.space().slug);
  }
  if (sub.role == Role::partner) {
    v.set("is_partner", true);
  } else if (sub.role != Role::none) {
    v.set("is_member", true);
    v.set("my_role_label", role_label(c, s.sv.role));
  }
  if (request_join(sub)) {
    auto status_now = parse_request_status(s.sv.request_status);
    const auto now = c.app.clock->now();
    if (status_now == RequestStatus::pending) {
      v.set("request_pending",
            c.app.renderer->format("spaces_request_pending", {{"date", web::date_text(c, s.sv.request_created_at)}}));
    } else if (status_now == RequestStatus::declined && now - s.sv.request_decided_at < kAskAgainAfter) {
      v.set("request_declined",
            c.app.renderer->format("spaces_request_declined",
                                   {{"date", web::date_text(c, s.sv.request_decided_at + kAskAgainAfter)}}));
    } else {
      v.set("can_request", true);
      if (!message.empty()) v.set("message", message);
    }
  }
  v.set("can_view_members", view_members(sub));
  if (decide_join(sub)) {
    v.set("can_decide", true);
    v.set("pending_count",
          c.app.renderer->format(s.sv.pending_requests == 1 ? "spaces_one_request" : "spaces_n_requests",
                                 {{"count", std::to_string(s.sv.pending_requests)}}));
  }
  v.set("can_invite", invite(sub));
  v.set("can_edit", edit_space(sub));
  v.set("can_edit_support", edit_event_support(sub));
  v.set("can_leave", leave(sub));
  v.set("has_tools",
        view_members(sub) || decide_join(sub) || invite(sub) || edit_space(sub) || edit_event_support(sub));
  if (error) c.add_errors(v, *error);
  return c.page("spaces/show", v, status);
}

Response space_show(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  return render_show(c, *s);
}

Response space_join(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!c.viewer) return sign_in_then(c, "/spaces/" + s->space().slug);
  if (s->subject.role != Role::none) return c.redirect("/spaces/" + s->space().slug);
  if (!request_join(s->subject)) return forbidden(c);
  auto message = c.field("message");
  auto r = commands::request_join(c.app, actor(c), s->space(), message, c.checked("accept_code"));
  if (!r) {
    auto e = at_field(r.error(), "join");
    return render_show(c, *s, &e, web::http_status(e.code), message);
  }
  return c.redirect(redirect_with_notice("/spaces/" + s->space().slug, "requested"));
}

Response space_leave(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!leave(s->subject)) return forbidden(c);
  // Leaving is not undone by the person alone (they must ask again or be invited): the box
  // says so, and must be ticked.
  if (!c.checked("confirm")) {
    const auto e = Error{ErrorCode::invalid, "spaces_leave_confirm_required", {{"confirm", "spaces_leave_confirm_required"}}};
    return render_show(c, *s, &e, 422);
  }
  auto r = commands::leave_space(c.app, s->space().id, c.viewer->user_id);
  if (!r) {
    auto e = at_field(r.error(), "leave");
    return render_show(c, *s, &e, web::http_status(e.code));
  }
  return c.redirect(redirect_with_notice("/spaces", "left"));
}

}  // namespace hs::spaces::handlers
