#include "modules/events/commands/commands.hpp"
#include "modules/events/live.hpp"
#include "core/text.hpp"
#include "store/db.hpp"
#include "web/app.hpp"

namespace hs::events::commands {
using namespace hs::text;

Result<std::int64_t> add_item(web::App& app, std::int64_t event_id, const ItemInput& in) {
  auto f = check_item(in);
  if (!f) return fail(f.error());
  auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> { return repo::insert_item(c, event_id, *f); });
  if (r) live::changed(event_id);
  return r;
}

Result<bool> run_item(web::App& app, std::int64_t event_id, std::int64_t item_id, const std::string& action) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto it = repo::item(c, event_id, item_id);
    if (!it) return fail(ErrorCode::not_found, "events_item_not_found");
    if (action == "current") repo::set_current(c, event_id, item_id);
    else if (action == "open") {
      repo::set_state(c, item_id, "open");
      repo::set_current(c, event_id, item_id);
    } else if (action == "close") repo::set_state(c, item_id, "closed");
    else if (action == "reveal") repo::set_revealed(c, item_id, true);
    else if (action == "hide") repo::set_revealed(c, item_id, false);
    else return fail(ErrorCode::invalid, "events_action_unknown");
    return true;
  });
  if (r) live::changed(event_id);
  return r;
}

Result<bool> moderate_question(web::App& app, std::int64_t event_id, std::int64_t item_id, std::int64_t question_id,
                               const std::string& action) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    if (!repo::item(c, event_id, item_id) || !repo::question(c, item_id, question_id))
      return fail(ErrorCode::not_found, "events_item_not_found");
    if (action == "approve") repo::set_question_status(c, question_id, "visible");
    else if (action == "hide") repo::set_question_status(c, question_id, "hidden");
    else if (action == "answered") repo::set_answered(c, question_id, true);
    else if (action == "unanswered") repo::set_answered(c, question_id, false);
    else return fail(ErrorCode::invalid, "events_action_unknown");
    return true;
  });
  if (r) live::changed(event_id);
  return r;
}

Result<bool> set_support(web::App& app, std::int64_t event_id, const std::string& text) {
  auto t = std::string(trim(text));
  if (!valid_utf8(t) || length(t) > 2000 || has_control(t, true))
    return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"support_text", "events_support_too_long"}}});
  return app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::set_support(c, event_id, t);
    return true;
  });
}

}  // namespace hs::events::commands
