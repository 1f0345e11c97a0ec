#pragma once
// The equity pages, one handler a route (module.cpp lists them).
#include "web/app.hpp"

namespace hs::equity::handlers {

web::Response mine_page(web::Context& c);
web::Response mine_save(web::Context& c);
web::Response mine_delete(web::Context& c);
web::Response report_page(web::Context& c);
web::Response report_csv(web::Context& c);
web::Response reference_page(web::Context& c);
web::Response reference_save(web::Context& c);

}  // namespace hs::equity::handlers
