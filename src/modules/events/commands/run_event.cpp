#include "core/crypto.hpp"
#include "core/text.hpp"
#include "modules/audit/module.hpp"
#include "modules/events/commands/commands.hpp"
#include "modules/events/live.hpp"
#include "modules/events/repo.hpp"
#include "modules/events/word_lists_repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::events::commands {
using namespace hs::text;

Result<std::int64_t> add_item(Services& app, std::int64_t event_id, const ItemInput& in) {
  auto f = check_item(in);
  if (!f) return fail(f.error());
  auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> { return repo::insert_item(c, event_id, *f); });
  if (r) live::changed(app, event_id);
  return r;
}

Result<bool> run_item(Services& app, std::int64_t event_id, std::int64_t item_id, const std::string& action) {
  if (action == "current" || action == "open") return put_on(app, event_id, item_id, action == "open");
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto it = repo::item(c, event_id, item_id);
    if (!it) return fail(ErrorCode::not_found, "events_item_not_found");
    if (action == "close") repo::set_state(c, item_id, "closed");
    else if (action == "reveal") repo::set_revealed(c, item_id, true);
    else if (action == "hide") repo::set_revealed(c, item_id, false);
    else return fail(ErrorCode::invalid, "events_action_unknown");
    return true;
  });
  if (r) live::changed(app, event_id);
  return r;
}

Result<bool> moderate_question(Services& app, std::int64_t event_id, std::int64_t item_id, std::int64_t question_id,
                               const std::string& action) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto e = repo::event_by_id(c, event_id);
    if (!e || !repo::item(c, event_id, item_id) || !repo::question(c, item_id, question_id))
      return fail(ErrorCode::not_found, "events_item_not_found");
    if (action == "approve") repo::set_question_status(c, question_id, "visible");
    else if (action == "hide") {
      repo::set_question_status(c, question_id, "hidden");
      // A hidden question leaves the screen too.
      if (auto it = repo::item(c, event_id, item_id); it && it->shown_question_id == question_id)
        repo::set_shown_question(c, item_id, std::nullopt);
    } else if (action == "answered") repo::set_answered(c, question_id, true);
    else if (action == "unanswered") repo::set_answered(c, question_id, false);
    else return fail(ErrorCode::invalid, "events_action_unknown");
    // Moderation is a governance action: logged by ids only, never the words or who asked.
    audit::Fields f{{"event", event_id}, {"item", item_id}, {"question", question_id}, {"action", action}};
    if (auto logged = audit::append(app, c, e->space_id, "moderation.question", f); !logged)
      return fail(logged.error());
    return true;
  });
  if (r) live::changed(app, event_id);
  return r;
}

Result<bool> show_question(Services& app, std::int64_t event_id, std::int64_t item_id, std::int64_t question_id,
                           bool show) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto it = repo::item(c, event_id, item_id);
    if (!it || it->kind != "qa") return fail(ErrorCode::not_found, "events_item_not_found");
    if (!show) {
      if (it->shown_question_id == question_id) repo::set_shown_question(c, item_id, std::nullopt);
      return true;
    }
    auto q = repo::question(c, item_id, question_id);
    if (!q || q->status != "visible") return fail(ErrorCode::not_found, "events_item_not_found");
    repo::set_shown_question(c, item_id, question_id);
    return true;
  });
  if (r) live::changed(app, event_id);
  return r;
}

Result<bool> set_support(Services& app, std::int64_t event_id, const std::string& text) {
  auto t = std::string(trim(text));
  if (!valid_utf8(t) || length(t) > 2000 || has_control(t, true))
    return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"support_text", "events_support_too_long"}}});
  return app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::set_support(c, event_id, t);
    return true;
  });
}

}  // namespace hs::events::commands

namespace hs::events::commands {

Result<bool> moderate_cloud(Services& app, std::int64_t event_id, std::int64_t item_id, const std::string& action,
                            const std::string& key, const std::string& other) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto e = repo::event_by_id(c, event_id);
    auto it = repo::item(c, event_id, item_id);
    if (!e || !it || it->kind != "cloud") return fail(ErrorCode::not_found, "events_item_not_found");
    std::vector<CloudEntry> entries;
    for (auto& en : repo::entries(c, item_id)) entries.push_back({en.id, en.body});
    auto t = build_tally(e->language, it->max_chars, entries, repo::moderation(c, item_id),
                         repo::cloud_word_lists(c, event_id));
    if (!t) return fail(t.error());
    // Only groups people wrote can be acted on.
    bool known = false;
    for (const auto& g : t->groups()) known = known || g.key == key || t->resolve(key) == g.key;
    auto unknown = [](const char* field) {
      return Error{ErrorCode::invalid, "common_fix_errors", {{field, "events_cloud_unknown"}}};
    };
    if (action == "hide" || action == "restore") {
      if (!known) return fail(ErrorCode::not_found, "events_item_not_found");
      if (action == "hide") t->hide(key);
      else t->restore(key);
    } else if (action == "merge") {
      if (!known) return fail(unknown("merge_from"));
      bool target = false;
      for (const auto& g : t->groups()) target = target || g.key == other;
      if (!target) return fail(unknown("merge_into"));
      auto m = t->merge(key, other);
      if (!m) return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"merge_into", m.error().message_key}}});
    } else if (action == "rename") {
      if (!known) return fail(unknown("rename_key"));
      auto m = t->rename(key, trim(other));
      if (!m) {
        auto k = m.error().fields.empty() ? m.error().message_key : m.error().fields.front().message_key;
        return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"rename_text", k}}});
      }
    } else {
      return fail(ErrorCode::invalid, "events_action_unknown");
    }
    repo::replace_moderation(c, item_id, to_decisions(t->moderation()));
    // Logged with a hash of the word group, not the words people wrote.
    audit::Fields f{
        {"event", event_id}, {"item", item_id}, {"action", action}, {"group_sha256", crypto::sha256_hex(key)}};
    if (auto logged = audit::append(app, c, e->space_id, "moderation.word_cloud", f); !logged)
      return fail(logged.error());
    return true;
  });
  if (r) live::changed(app, event_id);
  return r;
}

}  // namespace hs::events::commands
