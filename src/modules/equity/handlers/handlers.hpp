#pragma once
// The equity pages, one handler a route (module.cpp lists them).
#include <cstdint>
#include <vector>

#include "web/app.hpp"

namespace hs::equity::handlers {

web::Response mine_page(web::Context& c);
web::Response mine_save(web::Context& c);
web::Response mine_delete(web::Context& c);
web::Response report_page(web::Context& c);
web::Response report_csv(web::Context& c);
web::Response reference_page(web::Context& c);
web::Response reference_save(web::Context& c);
// A report of these people's answers in a page whose view the caller made (its title and
// what the page is about: an event's members who took part).
web::Response people_report_page(web::Context& c, web::View v, const std::vector<std::int64_t>& user_ids);

}  // namespace hs::equity::handlers
