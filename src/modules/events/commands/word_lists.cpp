#include "modules/events/commands/word_lists.hpp"

#include "core/crypto.hpp"
#include "modules/audit/module.hpp"
#include "modules/events/live.hpp"
#include "modules/events/repo.hpp"
#include "modules/events/word_lists_repo.hpp"
#include "modules/wordcloud/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::events::commands {

namespace {
bool known_kind(const std::string& kind) { return kind == "held" || kind == "allowed"; }

// Logged by a hash of the word, as word-cloud moderation is: the log is read by auditors
// who need to know that a list changed, not to read the words.
Result<bool> log(Services& app, store::Conn& c, std::int64_t event_id, const std::string& action,
                 const std::string& kind, const std::string& word) {
  auto e = repo::event_by_id(c, event_id);
  if (!e) return fail(ErrorCode::not_found, "events_not_found");
  audit::Fields f{{"event", event_id}, {"action", action}, {"list", kind}, {"word_sha256", crypto::sha256_hex(word)}};
  if (auto logged = audit::append(app, c, e->space_id, "moderation.word_list", f); !logged) return fail(logged.error());
  return true;
}
}  // namespace

EventWordLists event_word_lists(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) {
    EventWordLists out;
    for (auto& r : repo::event_words(c, event_id)) (r.kind == "held" ? out.held : out.allowed).push_back(r.word);
    return out;
  });
}

Result<bool> add_event_word(Services& app, std::int64_t event_id, const std::string& kind, const std::string& word) {
  Validation v;
  auto form = wordcloud::validate_entry(word);
  if (!form) {
    auto e = form.error();
    auto key = e.fields.empty() ? e.message_key : e.fields.front().message_key;
    v.add("word", key == "wordcloud_entry_empty" ? "wordcloud_held_word_missing" : key);
  }
  if (!known_kind(kind)) v.add("kind", "wordcloud_held_kind_missing");
  if (!v.ok()) return fail(v.error());
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::add_event_word(c, event_id, kind, *form);
    return log(app, c, event_id, "add", kind, *form);
  });
  if (r) live::changed(app, event_id);
  return r;
}

Result<bool> remove_event_word(Services& app, std::int64_t event_id, const std::string& kind, const std::string& word) {
  if (!known_kind(kind)) return fail(ErrorCode::not_found, "wordcloud_held_word_not_found");
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    if (!repo::remove_event_word(c, event_id, kind, word))
      return fail(ErrorCode::not_found, "wordcloud_held_word_not_found");
    return log(app, c, event_id, "remove", kind, word);
  });
  if (r) live::changed(app, event_id);
  return r;
}

}  // namespace hs::events::commands
