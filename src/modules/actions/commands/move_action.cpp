// Moving an action's status: the owning organisation's partners and the space's
// facilitators, forward only, with what changed or why not when it closes. The move, its
// history line and its decision-log entry are one transaction; the status is changed only
// if it is still what the person saw, so two people moving at once cannot both succeed.
// After commit, the storyteller of the story it came from is told by email.
#include "core/crypto.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/actions/commands/commands.hpp"
#include "modules/actions/commands/support.hpp"
#include "modules/audit/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::actions::commands {

namespace {

// Whom to tell, read in the move's transaction so it is the story as it stood then.
struct Tell {
  std::int64_t author_id = 0;
  std::string story_title, action_title, status, text, space_name, space_slug;
  std::int64_t action_id = 0;
};

// The storyteller hears through the same mailer and words as for a response to their
// story. Nothing names them to anyone else: the email goes to their own address only, so
// an anonymous story stays anonymous. A withdrawn story, or an erased account, gets none.
void tell_storyteller(Services& app, const Tell& t) {
  View v;
  v.set("space", t.space_name);
  v.set("story_title", t.story_title);
  v.set("title", t.action_title);
  v.set("status", app.words->t("actions_status_lower_" + t.status));
  v.set("text", t.text);
  v.set("link", app.link("/spaces/" + t.space_slug + "/actions/" + std::to_string(t.action_id)));
  accounts::email_person(app, t.author_id, "actions_email_story_moved_subject",
                         {{"status", app.words->t("actions_status_lower_" + t.status)}}, "actions_story_moved", v);
}

}  // namespace

Result<void> move(Services& app, std::int64_t action_id, std::int64_t user_id, const MoveInput& in) {
  const auto now = app.clock->now();
  auto moved = app.store->write([&](store::Conn& c) -> Result<std::optional<Tell>> {
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
    std::optional<Tell> tell;
    if (a->source_kind == "story" && a->story_id) {
      auto teller = stories::storyteller(c, a->space_id, *a->story_id);
      auto space = spaces::space_by_id(c, a->space_id);
      // Their own move tells them nothing new.
      if (teller && space && teller->author_id != user_id)
        tell = Tell{teller->author_id, teller->title, a->title, to, m->text, space->name, space->slug, action_id};
    }
    return tell;
  });
  if (!moved) return fail(moved.error());
  if (*moved) tell_storyteller(app, **moved);
  return {};
}

}  // namespace hs::actions::commands
