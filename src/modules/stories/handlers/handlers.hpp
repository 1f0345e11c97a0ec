#pragma once
// The stories pages, one handler a route (module.cpp lists them).
#include "web/app.hpp"

namespace hs::stories::handlers {

web::Response stories_index(web::Context& c);
web::Response mine_index(web::Context& c);
web::Response mine_download(web::Context& c);
web::Response story_new(web::Context& c);
web::Response story_create(web::Context& c);
web::Response story_show(web::Context& c);
web::Response versions_page(web::Context& c);
web::Response story_edit(web::Context& c);
web::Response story_update(web::Context& c);
web::Response withdraw_form(web::Context& c);
web::Response withdraw_submit(web::Context& c);
web::Response hold_submit(web::Context& c);
web::Response release_submit(web::Context& c);
web::Response suggest_form(web::Context& c);
web::Response suggest_submit(web::Context& c);
web::Response suggestion_decide(web::Context& c);
web::Response answer_submit(web::Context& c);
web::Response answer_edit(web::Context& c);
web::Response answer_update(web::Context& c);
web::Response partners_page(web::Context& c);
web::Response organisation_create(web::Context& c);
web::Response partner_create(web::Context& c);
web::Response partner_remove(web::Context& c);
web::Response consent_page(web::Context& c);
web::Response consent_update(web::Context& c);

}  // namespace hs::stories::handlers
