#pragma once
// The library's pages: the list (GET .../library, ?tag= to filter), adding a link or a
// file (GET/POST .../library/new, a multipart form), downloading a file (GET
// .../library/{id}/download, always an attachment) and taking one out (GET/POST
// .../library/{id}/remove).
#include "web/app.hpp"

namespace hs::library::handlers {

web::Response index(web::Context& c);
web::Response new_form(web::Context& c);
web::Response create(web::Context& c);
web::Response download(web::Context& c);
web::Response remove_form(web::Context& c);
web::Response remove_submit(web::Context& c);

}  // namespace hs::library::handlers
