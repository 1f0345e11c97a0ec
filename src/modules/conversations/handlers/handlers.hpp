#pragma once
// The conversations pages, one handler a route (module.cpp lists them).
#include "web/app.hpp"

namespace hs::conversations::handlers {

web::Response index(web::Context& c);
web::Response new_form(web::Context& c);
web::Response create(web::Context& c);
web::Response show(web::Context& c);
web::Response reply_submit(web::Context& c);
web::Response level_submit(web::Context& c);
web::Response edit_form(web::Context& c);
web::Response edit_submit(web::Context& c);
web::Response remove_submit(web::Context& c);
web::Response react_submit(web::Context& c);
web::Response reactions_page(web::Context& c);
web::Response flag_form(web::Context& c);
web::Response flag_submit(web::Context& c);
web::Response moderate_submit(web::Context& c);
web::Response queue_page(web::Context& c);
web::Response settings_page(web::Context& c);
web::Response settings_submit(web::Context& c);
web::Response choices_page(web::Context& c);
web::Response choices_submit(web::Context& c);
web::Response notifications_page(web::Context& c);
web::Response notifications_read(web::Context& c);
web::Response unsubscribe_page(web::Context& c);
web::Response unsubscribe_submit(web::Context& c);

}  // namespace hs::conversations::handlers
