// Where people can find support at a space's events: the text every new event's form
// starts from, so support is never an afterthought (a gambling-harm forum names its
// own helpline once, not at every event).
#include "core/text.hpp"
#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::spaces::commands {

Result<bool> set_event_support_default(Services& app, std::int64_t space_id, const std::string& text) {
  auto t = std::string(text::trim(text));
  // As long as an event's own support text may be.
  if (!text::valid_utf8(t) || text::length(t) > 2000 || text::has_control(t, true))
    return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"support_text", "events_support_too_long"}}});
  std::optional<std::string> stored;
  if (!t.empty()) stored = t;
  return app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::set_event_support_default(c, space_id, stored);
    return true;
  });
}

std::optional<std::string> event_support_default(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::event_support_default(c, space_id); });
}

}  // namespace hs::spaces::commands
