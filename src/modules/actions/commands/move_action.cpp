// Moving an action's status: the owning organisation's partners and the space's
// facilitators, forward only, with what changed or why not when it closes. The move, its
// history line and its decision-log entry are one transaction; the status is changed only
// if it is still what the person saw, so two people moving at once cannot both succeed.
#include "core/crypto.hpp"
#include "modules/actions/commands/commands.hpp"
#include "modules/actions/commands/support.hpp"
#include "modules/audit/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::actions::commands {

Result<void> move(Services& app, std::int64_t action_id, std::int64_t user_id, const MoveInput& in) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto a = repo::action(c, action_id);
    if (!a) return fail(ErrorCode::not_found, "actions_not_found");
    auto who = actor_in(c, a->space_id, user_id);
    if (!permissions::view_actions(who.subject, repo::page_public(c, a->space_id)))
      return fail(ErrorCode::not_found, "actions_not_found");
    if (!permissions::move_action(who, a->organisation_id)) return fail(ErrorCode::forbidden, "actions_not_owner");
    const auto from = parse_status(a->status).value_or(Status::made);
    auto m = check_move(from, in);
    if (!m) return fail(m.error());
    const auto to = std::string(to_string(m->to));
    if (!repo::set_status(c, action_id, a->status, to, now))
      return fail(ErrorCode::conflict, "actions_moved_meanwhile");
    std::optional<std::string> link;
    if (!m->link.empty()) link = m->link;
    repo::insert_update(c, action_id, to, m->text, link, user_id, now);
    audit::Fields entry = {{"action", action_id},
                           {"from", a->status},
                           {"to", to},
                           {"organisation", a->organisation_id},
                           {"by", audit::person_commitment(app, a->space_id, user_id)}};
    if (!m->text.empty()) entry.emplace_back("text_sha256", crypto::sha256_hex(m->text));
    if (link) entry.emplace_back("link", *link);
    if (auto ok = audit::append(app, c, a->space_id, "action.moved", entry); !ok) return fail(ok.error());
    return {};
  });
}

}  // namespace hs::actions::commands
