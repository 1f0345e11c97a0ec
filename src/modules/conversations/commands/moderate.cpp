// What facilitators do: approve an anonymous post, hide a post with a reason its author
// sees, restore it or keep it hidden after the author asked for review; and what the
// author does: ask for that review. Each step is in the space's decision log.
#include "core/clock.hpp"
#include "modules/conversations/commands/search.hpp"
#include "modules/conversations/commands/support.hpp"
#include "store/db.hpp"

namespace hs::conversations::commands {

Result<void> moderate(Services& app, std::int64_t post_id, std::int64_t user_id, Act act, const std::string& reason) {
  const auto now = app.clock->now();
  std::vector<std::int64_t> emails;
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    auto f = find_post(c, post_id, user_id);
    if (!f) return fail(f.error());
    if (act == Act::ask_review) {
      if (!permissions::ask_review(f->reader, f->facts)) return fail(ErrorCode::forbidden, "conversations_not_yours");
    } else if (act == Act::remove || !permissions::moderate(f->reader.subject)) {
      return fail(ErrorCode::forbidden, "conversations_not_moderator");
    }
    auto next = next_state(f->facts.state, act);
    if (!next) return fail(next.error());
    std::optional<std::string> hide_reason = f->post.hide_reason;
    if (act == Act::hide) {
      auto why = validate_reason(reason);
      if (!why) return fail(why.error());
      hide_reason = *why;
    } else if (*next == State::visible) {
      hide_reason.reset();
    }
    repo::set_state(c, post_id, std::string(to_string(*next)), hide_reason, now);
    index_post(c, post_id);
    if (act == Act::hide || act == Act::restore || act == Act::approve || act == Act::keep_hidden)
      repo::resolve_flags(c, post_id, now);
    // An approved post shows for the first time: people hear of it now.
    if (act == Act::approve) {
      auto shown = f->post;
      shown.state = "visible";
      repo::touch(c, shown.conversation_id, now);
      emails = notify_post(app, c, shown);
    }
    return record(app, c, f->post.space_id, "conversation.post_" + std::string(to_string(act)),
                  {{"conversation", f->post.conversation_id},
                   {"post", post_id},
                   {"from", std::string(to_string(f->facts.state))},
                   {"to", std::string(to_string(*next))}});
  });
  if (r) email_now(app, emails);
  return r;
}

Result<void> set_allow_anonymous(Services& app, std::int64_t space_id, std::int64_t user_id, bool allow) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto who = reader_in(c, space_id, user_id, std::nullopt);
    if (!permissions::manage_settings(who.subject)) return fail(ErrorCode::forbidden, "conversations_not_moderator");
    if (repo::allow_anonymous(c, space_id) == allow) return {};
    repo::set_allow_anonymous(c, space_id, allow, now);
    return record(app, c, space_id, "conversation.anonymous_posts", {{"allowed", allow}});
  });
}

}  // namespace hs::conversations::commands
