#pragma once
// The spaces pages. Each handler parses the form, checks the permission, runs one
// command and renders or redirects.
#include <string>

#include "core/error.hpp"
#include "modules/spaces/handlers/common.hpp"
#include "web/app.hpp"

namespace hs::spaces::handlers {

web::Response spaces_index(web::Context& c);
web::Response space_new_form(web::Context& c);
web::Response space_create(web::Context& c);
web::Response space_edit_form(web::Context& c);
web::Response space_update(web::Context& c);
web::Response space_show(web::Context& c);
web::Response space_join(web::Context& c);
web::Response space_leave(web::Context& c);
web::Response requests_index(web::Context& c);
web::Response request_approve(web::Context& c);
web::Response request_decline(web::Context& c);
web::Response invitations_index(web::Context& c);
web::Response invitation_create(web::Context& c);
web::Response invite_show(web::Context& c);
web::Response invite_accept(web::Context& c);
web::Response members_index(web::Context& c);
web::Response event_support_form(web::Context& c);
web::Response event_support_update(web::Context& c);
web::Response member_role(web::Context& c);
Result<std::string> space_live(web::Context& c);

// The space page, also shown again with a problem when joining or leaving fails.
web::Response render_show(web::Context& c, const Loaded& s, const Error* error = nullptr, int status = 200,
                          const std::string& message = "");

}  // namespace hs::spaces::handlers
