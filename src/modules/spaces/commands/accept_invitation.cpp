#include "core/crypto.hpp"
#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/commands/notify.hpp"
#include "modules/spaces/commands/support.hpp"
#include "modules/spaces/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::spaces::commands {

namespace {

Error state_error(InvitationState s) {
  return Error::of(ErrorCode::conflict, s == InvitationState::used ? "spaces_invite_used" : "spaces_invite_expired");
}

}  // namespace

std::optional<FoundInvitation> find_invitation(Services& app, const std::string& token) {
  if (token.empty() || token.size() > 64) return std::nullopt;
  const auto now = app.clock->now();
  return app.store->with([&](store::Conn& c) -> std::optional<FoundInvitation> {
    auto inv = repo::invitation_by_hash(c, crypto::sha256_hex(token));
    if (!inv) return std::nullopt;
    auto space = repo::space_by_id(c, inv->space_id);
    if (!space) return std::nullopt;
    return FoundInvitation{std::move(*space), invitation_state(now, inv->expires_at, inv->used_at)};
  });
}

Result<std::string> accept_invitation(Services& app, const Actor& who, const std::string& token, bool accepted_code) {
  if (token.empty() || token.size() > 64) return fail(ErrorCode::not_found, "spaces_invite_not_found");
  const auto now = app.clock->now();
  std::int64_t space_id = 0;
  bool joined = false;
  auto slug = app.store->write([&](store::Conn& c) -> Result<std::string> {
    auto inv = repo::invitation_by_hash(c, crypto::sha256_hex(token));
    if (!inv) return fail(ErrorCode::not_found, "spaces_invite_not_found");
    auto space = repo::space_by_id(c, inv->space_id);
    if (!space) return fail(ErrorCode::not_found, "spaces_invite_not_found");
    space_id = space->id;
    // Already in: nothing to accept, and the link stays usable for whoever it was meant for.
    if (role_in(c, space->id, who.user_id) != Role::none) return space->slug;
    auto state = invitation_state(now, inv->expires_at, inv->used_at);
    if (state != InvitationState::valid) return fail(state_error(state));
    if (!accepted_code) {
      Validation v;
      v.add("accept_code", "spaces_accept_code_required");
      return fail(v.error());
    }
    repo::lock_space(c, space->id);
    if (!repo::use_invitation(c, inv->id, who.user_id, now)) return fail(state_error(InvitationState::used));
    repo::add_member(c, space->id, who.user_id, std::string(to_string(Role::member)), now, now);
    repo::approve_pending_of(c, space->id, who.user_id, now);
    if (auto logged = log_membership(app, c, space->id, "membership.joined", who.user_id, "member"); !logged)
      return fail(logged.error());
    joined = true;
    return space->slug;
  });
  if (slug && joined) publish_directory_changed(app, space_id);
  return slug;
}

}  // namespace hs::spaces::commands
