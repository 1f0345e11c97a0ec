#include "modules/demo/seed.hpp"

#include "web/app.hpp"

namespace hs::demo {

Result<std::string> seed(web::App&) { return std::string("demo data comes with the accounts and spaces modules\n"); }

}  // namespace hs::demo
