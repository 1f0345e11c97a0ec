#include "modules/spaces/module.hpp"

#include "web/app.hpp"

namespace hs::spaces {

void register_module(web::App&) {}
Result<std::int64_t> set_role(web::App&, std::int64_t, const std::string&, const std::string&) {
  return fail(ErrorCode::unavailable, "common_error_title");
}

}  // namespace hs::spaces
