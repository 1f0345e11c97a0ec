#pragma once
// The decisions pages. Each handler parses the form, checks the permission, runs one
// command and renders or redirects.
#include "web/app.hpp"

namespace hs::decisions::handlers {

web::Response proposals_index(web::Context& c);
web::Response proposal_new_form(web::Context& c);
web::Response proposal_create(web::Context& c);
web::Response proposal_show(web::Context& c);
web::Response proposal_vote(web::Context& c);
web::Response proposal_withdraw(web::Context& c);
web::Response proposal_close(web::Context& c);
web::Response ballot_code_keep(web::Context& c);
web::Response ballot_code_forget(web::Context& c);
web::Response results_download(web::Context& c);

}  // namespace hs::decisions::handlers
