#pragma once
// Thin HTTP handlers: parse the form, check permission, run one command, render or
// redirect. Routes are wired in module.cpp.
#include "web/app.hpp"

namespace hs::accounts::handlers {

using web::Context;
using web::Response;

// signup.cpp
Response signup_form(Context& c);
Response signup_submit(Context& c);
Response signup_check_email(Context& c);
Response verify_form(Context& c);
Response verify_submit(Context& c);

// signin.cpp
Response signin_form(Context& c);
Response signin_submit(Context& c);
Response signin_link_request(Context& c);
Response signin_check_email(Context& c);
Response signin_link_form(Context& c);
Response signin_link_submit(Context& c);
Response reset_form(Context& c);
Response reset_request(Context& c);
Response reset_check_email(Context& c);
Response reset_password_form(Context& c);
Response reset_password_submit(Context& c);

// sessions.cpp
Response signout(Context& c);
Response signout_everywhere(Context& c);
Response sessions_page(Context& c);
Response session_end(Context& c);

// profile.cpp
Response profile_form(Context& c);
Response profile_submit(Context& c);
Response email_change_form(Context& c);
Response email_change_submit(Context& c);

// data.cpp
Response data_page(Context& c);
Response data_download(Context& c);
Response account_delete(Context& c);

}  // namespace hs::accounts::handlers
