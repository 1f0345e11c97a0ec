#include "modules/events/commands/commands.hpp"
#include "modules/events/live.hpp"
#include "modules/events/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::events::commands {

std::int64_t participant_for(store::Conn& c, const Access& a, std::int64_t now) {
  if (a.participant_id) return *a.participant_id;
  if (auto p = repo::participant_of_member(c, a.event.id, a.user_id)) return p->id;
  return repo::insert_participant(c, a.event.id, std::nullopt, a.user_id, std::nullopt, now);
}

std::optional<std::int64_t> existing_participant(store::Conn& c, const Access& a) {
  if (a.participant_id) return a.participant_id;
  if (a.user_id)
    if (auto p = repo::participant_of_member(c, a.event.id, a.user_id)) return p->id;
  return std::nullopt;
}

namespace {

// Activities take part only while they are on now and open.
Result<repo::ItemRow> open_item(store::Conn& c, const Access& a, std::int64_t item_id, std::string_view kind) {
  auto it = repo::item(c, a.event.id, item_id);
  if (!it || it->kind != kind) return fail(ErrorCode::not_found, "events_item_not_found");
  if (it->state != "open" || a.event.current_item_id != item_id) return fail(ErrorCode::conflict, "events_not_open");
  return *it;
}

template <class T, class F>
Result<T> take_part_in(Services& app, const Access& a, F&& f) {
  if (!take_part(a.standing)) return fail(ErrorCode::forbidden, "events_forbidden");
  auto r = app.store->write([&](store::Conn& c) -> Result<T> { return f(c, participant_for(c, a, app.clock->now())); });
  if (r) live::changed(app, a.event.id);
  return r;
}

}  // namespace

Result<bool> vote(Services& app, const Access& a, std::int64_t item_id, const std::vector<std::int64_t>& chosen) {
  return take_part_in<bool>(app, a, [&](store::Conn& c, std::int64_t pid) -> Result<bool> {
    auto it = open_item(c, a, item_id, "poll");
    if (!it) return fail(it.error());
    auto ok = check_choice(it->multiple, repo::options(c, item_id), chosen);
    if (!ok) return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"choice", ok.error().message_key}}});
    repo::clear_votes(c, item_id, pid);  // changing one's answer replaces it
    for (auto id : *ok) repo::insert_vote(c, item_id, id, pid, app.clock->now());
    return true;
  });
}

Result<std::int64_t> ask(Services& app, const Access& a, std::int64_t item_id, const std::string& body,
                         bool anonymous) {
  auto text = check_question(body);
  if (!text) return fail(text.error());
  return take_part_in<std::int64_t>(app, a, [&](store::Conn& c, std::int64_t pid) -> Result<std::int64_t> {
    auto it = open_item(c, a, item_id, "qa");
    if (!it) return fail(it.error());
    return repo::insert_question(c, item_id, pid, *text, anonymous, it->premoderate ? "pending" : "visible",
                                 app.clock->now());
  });
}

Result<bool> upvote(Services& app, const Access& a, std::int64_t item_id, std::int64_t question_id) {
  return take_part_in<bool>(app, a, [&](store::Conn& c, std::int64_t pid) -> Result<bool> {
    auto it = open_item(c, a, item_id, "qa");
    if (!it) return fail(it.error());
    auto q = repo::question(c, item_id, question_id);
    if (!q || q->status != "visible") return fail(ErrorCode::not_found, "events_question_not_found");
    return repo::add_question_vote(c, question_id, pid);
  });
}

Result<std::int64_t> add_entry(Services& app, const Access& a, std::int64_t item_id, const std::string& text) {
  return take_part_in<std::int64_t>(app, a, [&](store::Conn& c, std::int64_t pid) -> Result<std::int64_t> {
    auto it = open_item(c, a, item_id, "cloud");
    if (!it) return fail(it.error());
    auto t = check_entry(text, repo::count_entries_of(c, item_id, pid), it->max_entries, it->max_chars);
    if (!t) return fail(t.error());
    return repo::insert_entry(c, item_id, pid, *t, app.clock->now());
  });
}

Result<bool> withdraw_entry(Services& app, const Access& a, std::int64_t item_id, std::int64_t entry_id) {
  return take_part_in<bool>(app, a, [&](store::Conn& c, std::int64_t pid) -> Result<bool> {
    if (!repo::item(c, a.event.id, item_id)) return fail(ErrorCode::not_found, "events_item_not_found");
    return repo::delete_entry(c, item_id, entry_id, pid);
  });
}

Result<bool> step_out(Services& app, const Access& a, bool out) {
  if (!take_part(a.standing)) return fail(ErrorCode::forbidden, "events_forbidden");
  return app.store->write([&](store::Conn& c) -> Result<bool> {
    auto now = app.clock->now();
    repo::set_stepped_out(c, participant_for(c, a, now), out ? std::optional<std::int64_t>(now) : std::nullopt);
    return true;
  });
}

}  // namespace hs::events::commands
