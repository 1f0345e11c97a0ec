// Links from a conversation to an event, a decision, a story or an action of its space.
// SQL for the one table is here rather than in repo.cpp, beside the only code that uses it.
#include "modules/conversations/links.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/number.hpp"
#include "modules/actions/module.hpp"
#include "modules/conversations/commands/support.hpp"
#include "modules/decisions/module.hpp"
#include "modules/events/module.hpp"
#include "modules/stories/module.hpp"
#include "store/db.hpp"

namespace hs::conversations::links {

namespace {

constexpr const char* kKinds[] = {"event", "decision", "story", "action"};

spaces::Subject subject_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  return commands::reader_in(c, space_id, user_id, std::nullopt).subject;
}

// The opening post's reader and facts, for who may link.
bool may_link_in(store::Conn& c, std::int64_t conversation_id, std::int64_t user_id) {
  auto conv = repo::conversation(c, conversation_id);
  if (!conv) return false;
  auto opening = repo::opening_post(c, conversation_id);
  if (!opening) return false;
  auto reader = commands::reader_in(c, conv->space_id, user_id, opening->author_id);
  auto facts = commands::facts_of(*opening);
  if (!permissions::read_post(reader, facts)) return false;
  return permissions::edit_post(reader, facts) || permissions::moderate(reader.subject);
}

}  // namespace

std::optional<std::pair<std::string, std::int64_t>> parse(std::string_view value) {
  auto colon = value.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto kind = value.substr(0, colon);
  if (std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds)) return std::nullopt;
  auto id = number::id(value.substr(colon + 1));
  if (!id) return std::nullopt;
  return std::pair<std::string, std::int64_t>(std::string(kind), *id);
}

std::string value_of(const Item& i) { return i.kind + ":" + std::to_string(i.id); }

std::vector<Item> choices(Services& app, std::int64_t space_id, std::int64_t user_id) {
  std::vector<Item> out;
  auto who = app.store->with([&](store::Conn& c) { return subject_in(c, space_id, user_id); });
  // Conversations are the members' own: nobody else is offered anything.
  if (!permissions::view_conversations(who)) return out;
  for (const auto& e : events::commands::events_of_space(app, space_id)) out.push_back({"event", e.id, e.title});
  app.store->with([&](store::Conn& c) {
    for (const auto& d : decisions::decisions_of(c, space_id, who))
      if (d.readable) out.push_back({"decision", d.id, d.title});
    for (const auto& s : stories::readable_stories(c, space_id, who, user_id))
      if (s.readable && !s.withdrawn) out.push_back({"story", s.id, s.title});
    return 0;
  });
  for (const auto& a : actions::visible_actions(app, space_id, user_id)) out.push_back({"action", a.id, a.title});
  return out;
}

std::vector<Item> linked(Services& app, std::int64_t space_id, std::int64_t conversation_id, std::int64_t user_id) {
  auto rows = app.store->with([&](store::Conn& c) {
    return c.q("SELECT kind, item_id FROM conversation_links WHERE conversation_id = ? ORDER BY created_at, kind, item_id",
               conversation_id);
  });
  std::vector<Item> out;
  if (rows.empty()) return out;
  auto visible = choices(app, space_id, user_id);
  for (const auto& r : rows) {
    auto it = std::find_if(visible.begin(), visible.end(),
                           [&](const Item& i) { return i.kind == r.text(0) && i.id == r.i64(1); });
    if (it != visible.end()) out.push_back(*it);
  }
  return out;
}

Result<std::optional<Item>> check(Services& app, std::int64_t space_id, std::int64_t user_id, std::string_view value) {
  if (value.empty()) return std::optional<Item>();
  auto p = parse(value);
  if (p)
    for (auto& i : choices(app, space_id, user_id))
      if (i.kind == p->first && i.id == p->second) return std::optional<Item>(std::move(i));
  Validation v;
  v.add("link", "conversations_link_invalid");
  return fail(v.error());
}

bool may_link(Services& app, std::int64_t conversation_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return may_link_in(c, conversation_id, user_id); });
}

Result<void> add(Services& app, std::int64_t space_id, std::int64_t conversation_id, std::int64_t user_id,
                 std::string_view value) {
  if (value.empty()) {
    Validation v;
    v.add("link", "conversations_link_missing");
    return fail(v.error());
  }
  auto item = check(app, space_id, user_id, value);
  if (!item) return fail(item.error());
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto conv = repo::conversation(c, conversation_id);
    if (!conv || conv->space_id != space_id) return fail(ErrorCode::not_found, "conversations_not_found");
    if (!may_link_in(c, conversation_id, user_id)) return fail(ErrorCode::forbidden, "conversations_not_linker");
    c.q(R"(INSERT INTO conversation_links (conversation_id, kind, item_id, added_by, created_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (conversation_id, kind, item_id) DO NOTHING)",
        conversation_id, (*item)->kind, (*item)->id, user_id, now);
    return {};
  });
}

void erase_person(store::Conn& c, std::int64_t user_id) {
  c.q("UPDATE conversation_links SET added_by = NULL WHERE added_by = ?", user_id);
}

}  // namespace hs::conversations::links
