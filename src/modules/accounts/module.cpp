#include "modules/accounts/module.hpp"

#include "web/app.hpp"

namespace hs::accounts {

void register_module(web::App&) {}
Result<std::int64_t> add_user(web::App&, const std::string&, const std::string&, const std::string&) {
  return fail(ErrorCode::unavailable, "common_error_title");
}
Result<std::int64_t> set_site_role(web::App&, const std::string&, const std::string&) {
  return fail(ErrorCode::unavailable, "common_error_title");
}
std::optional<std::int64_t> find_user(web::App&, const std::string&) { return std::nullopt; }

}  // namespace hs::accounts
