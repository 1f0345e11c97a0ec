#include "core/crypto.hpp"
#include "core/text.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/commands/notify.hpp"
#include "modules/spaces/commands/support.hpp"
#include "modules/spaces/repo.hpp"
#include "services/rate_limit.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::spaces::commands {

namespace {

// Invitations by email reach people who have not asked for anything: a steady trickle only.
constexpr services::RateLimiter::Limit kEmailedInvitations{20, 20.0 / 3600};

}  // namespace

Result<NewInvitation> create_invitation(Services& app, const Actor& who, const repo::SpaceRow& space,
                                        const std::string& email_typed, const std::string& days_typed) {
  Validation v;
  const std::string email = text::lower_ascii(email_typed);
  if (!email.empty() && !address_looks_valid(email)) v.add("email", "spaces_invite_email_invalid");
  auto days = parse_invitation_days(days_typed);
  if (!days) v.add("days", "spaces_invite_days_invalid");
  if (!v.ok()) return fail(v.error());
  const auto now = app.clock->now();
  if (!email.empty() && app.limiter &&
      !app.limiter->take("spaces-invite:" + std::to_string(who.user_id), kEmailedInvitations, static_cast<double>(now)))
    return fail(ErrorCode::rate_limited, "spaces_invite_too_many");

  const std::string token = crypto::random_token();
  NewInvitation out;
  out.expires_at = invitation_expires_at(now, *days);
  out.link = who.site_url + "/invite/" + token;
  std::optional<std::string> sealed;
  if (!email.empty()) sealed = crypto::seal(invitation_email_key(app.master_key), email);
  app.store->write([&](store::Conn& c) -> Result<void> {
    repo::insert_invitation(c, space.id, crypto::sha256_hex(token), sealed, who.user_id, now, out.expires_at);
    return {};
  });

  if (!email.empty()) {
    View m;
    m.set("inviter", who.display_name);
    m.set("space", space.name);
    m.set("purpose", space.purpose);
    m.set("link", out.link);
    m.set("days", std::to_string(*days));
    accounts::email_address(app, email, "spaces_email_invitation_subject",
                            {{"name", who.display_name}, {"space", space.name}}, "spaces_invitation", m);
    out.emailed = true;
  }
  return out;
}

}  // namespace hs::spaces::commands
