#include "modules/spaces/people.hpp"

#include "modules/accounts/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::spaces::people {

std::optional<std::string> email_of(Services& app, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return email_of(app, c, user_id); });
}

std::optional<std::string> email_of(Services& app, store::Conn& c, std::int64_t user_id) {
  return accounts::contact_email(app, c, user_id);
}

std::optional<std::string> shared_access_needs(Services& app, store::Conn& c, std::int64_t user_id) {
  return accounts::access_needs(app, c, user_id);
}

}  // namespace hs::spaces::people
