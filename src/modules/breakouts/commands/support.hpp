#pragma once
// Shared by the breakouts commands (and only them: it brings in the store).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/breakouts/repo.hpp"
#include "modules/events/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::breakouts::commands {

// How a person is shown at the event: a member's display name, a guest's nickname, or
// "Guest 12" for a guest who gave none.
std::string person_name(Services& app, store::Conn& c, std::optional<std::int64_t> user_id,
                        const std::optional<std::string>& nickname, std::int64_t participant_id);

// Every participant's name as the facilitator sees it, told apart ("Ana", "Ana (2)").
std::map<std::int64_t, std::string> names(Services& app, store::Conn& c, std::int64_t event_id);
// The pool (not stepped out) of those here now (commands/presence.cpp).
std::vector<repo::PoolRow> present_pool(Services& app, store::Conn& c, std::int64_t event_id);

// Runs f(conn, round) in one write transaction on a round of the person's event, when
// `allowed` (the caller's permission for this action); the event's live channel hears
// of the change after commit.
template <class T, class F>
Result<T> on_round(Services& app, std::int64_t event_id, std::int64_t round_id, bool allowed, F&& f) {
  if (!allowed) return fail(ErrorCode::forbidden, "events_forbidden");
  auto r = app.store->write([&](store::Conn& c) -> Result<T> {
    auto round = repo::round(c, event_id, round_id);
    if (!round) return fail(ErrorCode::not_found, "breakouts_round_not_found");
    return f(c, *round);
  });
  if (r) events::live::changed(app, event_id);
  return r;
}

}  // namespace hs::breakouts::commands
