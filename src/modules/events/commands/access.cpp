#include "modules/events/commands/commands.hpp"
#include "modules/events/repo.hpp"
#include "modules/spaces/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::events::commands {

namespace {
Standing from_role(spaces::Role role) {
  switch (role) {
    case spaces::Role::member:
    case spaces::Role::treasurer: return Standing::member;  // a member who also handles payments
    case spaces::Role::facilitator: return Standing::facilitator;
    case spaces::Role::steward: return Standing::steward;
    case spaces::Role::auditor: return Standing::auditor;
    case spaces::Role::partner:  // answers for an organisation; not one of the members at events
    case spaces::Role::none: break;
  }
  return Standing::nobody;
}
}  // namespace

Standing standing_in_space(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return from_role(spaces::role_in(c, space_id, user_id)); });
}

std::optional<Access> access(Services& app, std::int64_t event_id, std::optional<std::int64_t> user_id,
                             const std::string& token) {
  return app.store->with([&](store::Conn& c) -> std::optional<Access> {
    auto e = repo::event_by_id(c, event_id);
    if (!e) return std::nullopt;
    Access a;
    a.event = std::move(*e);
    if (user_id) {
      a.user_id = *user_id;
      a.standing = from_role(spaces::role_in(c, a.event.space_id, *user_id));
      if (a.standing != Standing::nobody) {
        if (auto p = repo::participant_of_member(c, event_id, *user_id)) {
          a.participant_id = p->id;
          a.stepped_out = p->stepped_out;
        }
        return a;
      }
    }
    if (!token.empty() && token.size() < 100) {
      auto p = repo::participant_by_token(c, crypto::sha256_hex(token));
      if (p && p->event_id == event_id) {
        a.standing = Standing::participant;
        a.participant_id = p->id;
        a.stepped_out = p->stepped_out;
      }
    }
    return a;
  });
}

}  // namespace hs::events::commands
