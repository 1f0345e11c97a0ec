#pragma once
// The terms of reference pages.
#include "web/app.hpp"

namespace hs::terms::handlers {

web::Response terms_show(web::Context& c);
web::Response versions_index(web::Context& c);
web::Response version_show(web::Context& c);
web::Response diff_show(web::Context& c);
web::Response amend_form(web::Context& c);
web::Response amend_create(web::Context& c);

}  // namespace hs::terms::handlers
