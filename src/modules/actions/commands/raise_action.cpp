// Raising an action: facilitators and stewards for any organisation the space lists, a
// partner for their own. It comes from a story the person may read, a decision of the
// space, or (facilitators only) a theme of the report of one of the space's events, and is
// in the space's decision log (which names the kind of source), with its first history
// line, in one transaction.
#include "core/crypto.hpp"
#include "core/dates.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/actions/commands/commands.hpp"
#include "modules/actions/commands/support.hpp"
#include "modules/audit/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::actions::commands {

Result<std::int64_t> raise(Services& app, std::int64_t space_id, std::int64_t user_id, const RaiseInput& in) {
  const auto now = app.clock->now();
  // Who answers for the owning organisation (but not whoever raised it) is told, after commit.
  std::vector<std::int64_t> tell;
  View told;
  auto raised = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto who = actor_in(c, space_id, user_id);
    // Whether they may raise at all, before saying what is missing from the form.
    if (!permissions::raise_any(who)) return fail(ErrorCode::forbidden, "actions_not_allowed_raise");
    auto fields = check_raise(in, dates::format(now, dates::Style::day));
    Validation v;
    if (!fields) {
      for (const auto& f : fields.error().fields) v.add(f.field, f.message_key);
    }
    if (in.organisation_id > 0) {
      if (!stories::organisation_of(c, space_id, in.organisation_id))
        v.add("organisation", "actions_organisation_required");
      else if (!permissions::raise_action(who, in.organisation_id))
        v.add("organisation", "actions_not_your_organisation");
    }
    const bool one_source = (in.story_id > 0) + (in.decision_id > 0) + (in.theme_id > 0) == 1;
    if (one_source && in.story_id > 0) {
      auto ref = stories::story_ref(c, space_id, in.story_id, who.subject, user_id);
      if (ref.withdrawn || !ref.readable) v.add("story", "actions_source_required");
    } else if (one_source && in.decision_id > 0) {
      auto ref = decisions::decision_ref(c, space_id, in.decision_id, who.subject);
      if (!ref || !ref->readable) v.add("story", "actions_source_required");
    } else if (one_source && in.theme_id > 0) {
      // A theme of an event of this space, and only the facilitators who draw themes raise from one.
      if (!permissions::raise_from_theme(who)) return fail(ErrorCode::forbidden, "actions_not_allowed_theme");
      auto found = breakouts::theme_refs(c, {in.theme_id});
      if (found.empty() || found.front().space_id != space_id) v.add("story", "actions_source_required");
    }
    if (!v.ok()) return fail(v.error());
    repo::ActionRow a;
    a.space_id = space_id;
    a.source_kind = in.decision_id > 0 ? "decision" : in.theme_id > 0 ? "theme" : "story";
    if (in.decision_id > 0) a.decision_id = in.decision_id;
    else if (in.theme_id > 0) a.theme_id = in.theme_id;
    else a.story_id = in.story_id;
    a.organisation_id = in.organisation_id;
    a.title = fields->title;
    a.details = fields->details;
    a.status = std::string(to_string(Status::raised));
    a.due_on = fields->due_on;
    a.raised_by = user_id;
    a.created_at = now;
    a.updated_at = now;
    const auto id = repo::insert_action(c, a);
    repo::insert_update(c, id, a.status, "", std::nullopt, user_id, now);
    audit::Fields entry = {{"action", id},
                           {a.source_kind, a.decision_id ? *a.decision_id
                                           : a.theme_id  ? *a.theme_id
                                                         : in.story_id},
                           {"organisation", in.organisation_id},
                           {"title_sha256", crypto::sha256_hex(a.title)},
                           {"by", audit::person_commitment(app, space_id, user_id)}};
    if (a.due_on) entry.emplace_back("due_on", *a.due_on);
    if (auto ok = audit::append(app, c, space_id, "action.raised", entry); !ok) return fail(ok.error());
    auto space = spaces::space_by_id(c, space_id);
    auto org = stories::organisation_of(c, space_id, in.organisation_id);
    if (space && org) {
      for (auto person : stories::partners_of(c, space_id, in.organisation_id))
        if (person != user_id) tell.push_back(person);
      told.set("space", space->name);
      told.set("organisation", org->name);
      told.set("title", a.title);
      told.set("due_on", a.due_on.value_or(""));
      told.set("link", app.link("/spaces/" + space->slug + "/actions/" + std::to_string(id)));
    }
    return id;
  });
  if (raised)
    for (auto person : tell)
      accounts::email_person(app, person, "actions_email_raised_subject", {}, "actions_raised",
                             told);
  return raised;
}

}  // namespace hs::actions::commands
