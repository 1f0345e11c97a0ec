#pragma once
// The "You said, we did" pages, one handler a route (module.cpp lists them).
#include "web/app.hpp"

namespace hs::actions::handlers {

web::Response board_page(web::Context& c);
web::Response settings_submit(web::Context& c);
web::Response export_csv(web::Context& c);
web::Response export_json(web::Context& c);
web::Response feed_atom(web::Context& c);
web::Response raise_form(web::Context& c);
web::Response raise_submit(web::Context& c);
web::Response action_page(web::Context& c);
web::Response move_submit(web::Context& c);

}  // namespace hs::actions::handlers
