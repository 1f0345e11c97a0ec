#include <algorithm>

#include "modules/events/commands/commands.hpp"
#include "modules/events/live.hpp"
#include "modules/events/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "text/language.hpp"

namespace hs::events::commands {

namespace {
std::vector<std::int64_t> order_of(store::Conn& c, std::int64_t event_id) {
  std::vector<std::int64_t> ids;
  for (const auto& it : repo::items(c, event_id)) ids.push_back(it.id);
  return ids;
}
}  // namespace

Result<bool> update_event(Services& app, std::int64_t event_id, const EventInput& in) {
  auto f = check_event(in, hs::text::languages());
  if (!f) return fail(f.error());
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::update_event(c, event_id, *f);
    return true;
  });
  if (r) live::changed(app, event_id);
  return r;
}

Result<bool> edit_item(Services& app, std::int64_t event_id, std::int64_t item_id, const ItemInput& typed) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto it = repo::item(c, event_id, item_id);
    if (!it) return fail(ErrorCode::not_found, "events_item_not_found");
    ItemInput in = typed;
    in.kind = it->kind;  // a talk stays a talk: remove it and add another kind instead
    auto f = check_item(in);
    if (!f) return fail(f.error());
    bool replace = false;
    if (f->kind == ItemKind::poll) {
      std::vector<std::string> now;
      for (const auto& o : repo::options(c, item_id)) now.push_back(o.label);
      replace = now != f->options;
      // Votes point at answers: changing them under people would change what they said.
      if (replace && repo::answers(c, item_id) > 0)
        return fail(Error{ErrorCode::conflict, "common_fix_errors", {{"options", "events_options_locked"}}});
    }
    repo::update_item(c, item_id, *f, replace);
    return true;
  });
  if (r) live::changed(app, event_id);
  return r;
}

Result<bool> move_item(Services& app, std::int64_t event_id, std::int64_t item_id, Move m) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto order = order_of(c, event_id);
    if (std::find(order.begin(), order.end(), item_id) == order.end())
      return fail(ErrorCode::not_found, "events_item_not_found");
    auto next = moved(order, item_id, m);
    if (!next) return fail(ErrorCode::conflict, m == Move::up ? "events_already_first" : "events_already_last");
    repo::set_positions(c, *next);
    return true;
  });
  if (r) live::changed(app, event_id);
  return r;
}

bool removable(Services& app, std::int64_t item_id) {
  return app.store->with([&](store::Conn& c) { return repo::answers(c, item_id) == 0; });
}

Result<bool> remove_item(Services& app, std::int64_t event_id, std::int64_t item_id) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto e = repo::event_by_id(c, event_id);
    if (!e || !repo::item(c, event_id, item_id)) return fail(ErrorCode::not_found, "events_item_not_found");
    if (repo::answers(c, item_id) > 0) return fail(ErrorCode::conflict, "events_remove_has_answers");
    if (e->current_item_id == item_id) repo::clear_current(c, event_id);
    repo::delete_item(c, event_id, item_id);
    return true;
  });
  if (r) live::changed(app, event_id);
  return r;
}

namespace {
// Moves the event onto `target`: what was on closes if it was an open activity, and the
// item arrived at opens if nobody has opened it yet. One click, one transaction.
void move_onto(store::Conn& c, const repo::EventRow& e, const std::vector<repo::ItemRow>& items, std::int64_t target) {
  for (const auto& it : items) {
    if (e.current_item_id == it.id && it.id != target && closes_on_next(it.kind, it.state))
      repo::set_state(c, it.id, "closed");
    if (it.id == target && opens_on_arrival(it.kind, it.state)) repo::set_state(c, it.id, "open");
  }
  repo::set_current(c, e.id, target);
}

Result<std::int64_t> step(Services& app, std::int64_t event_id, bool forward) {
  auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto e = repo::event_by_id(c, event_id);
    if (!e) return fail(ErrorCode::not_found, "events_not_found");
    auto items = repo::items(c, event_id);
    std::vector<std::int64_t> order;
    for (const auto& it : items) order.push_back(it.id);
    auto to = forward ? events::next_item(order, e->current_item_id) : events::previous_item(order, e->current_item_id);
    if (!to) return fail(ErrorCode::conflict, forward ? "events_no_next" : "events_no_previous");
    move_onto(c, *e, items, *to);
    return *to;
  });
  if (r) live::changed(app, event_id);
  return r;
}
}  // namespace

Result<std::int64_t> next_item(Services& app, std::int64_t event_id) { return step(app, event_id, true); }
Result<std::int64_t> previous_item(Services& app, std::int64_t event_id) { return step(app, event_id, false); }

Result<bool> put_on(Services& app, std::int64_t event_id, std::int64_t item_id, bool open) {
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    auto e = repo::event_by_id(c, event_id);
    if (!e) return fail(ErrorCode::not_found, "events_not_found");
    auto items = repo::items(c, event_id);
    bool found = false;
    for (const auto& it : items) found = found || it.id == item_id;
    if (!found) return fail(ErrorCode::not_found, "events_item_not_found");
    move_onto(c, *e, items, item_id);
    if (open) repo::set_state(c, item_id, "open");  // "Open" opens a closed activity again too
    return true;
  });
  if (r) live::changed(app, event_id);
  return r;
}

}  // namespace hs::events::commands
