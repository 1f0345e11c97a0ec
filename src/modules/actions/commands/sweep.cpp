// The reminders: the owning partners of an open action are emailed once when its due
// date is near (or has passed), and once for each stretch of kStaleDays without an
// update; the space's facilitators instead while nobody answers for the organisation. Each is claimed in a short
// transaction (so several servers sweeping at once send it once) and emailed after commit.
#include "core/dates.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/actions/commands/commands.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::actions::commands {

namespace {

struct Send {
  spaces::Space space;
  std::string organisation;
  std::vector<std::int64_t> people;
};

}  // namespace

int sweep(Services& app) {
  const auto now = app.clock->now();
  const auto today = dates::format(now, dates::Style::day);
  int reminded = 0;
  auto open = app.store->with([&](store::Conn& c) { return repo::open_actions(c); });
  for (const auto& a : open) {
    const auto status = parse_status(a.status).value_or(Status::made);
    struct Due {
      const char* kind;
      std::string key;
    };
    std::vector<Due> due;
    if (due_soon(status, a.due_on, today)) due.push_back({"due", *a.due_on});
    if (stale(status, a.updated_at, now)) due.push_back({"stale", std::to_string(a.updated_at)});
    for (const auto& d : due) {
      auto send = app.store->write([&](store::Conn& c) -> Result<std::optional<Send>> {
        if (!repo::claim_reminder(c, a.id, d.kind, d.key, now)) return std::optional<Send>();
        auto space = spaces::space_by_id(c, a.space_id);
        auto org = stories::organisation_of(c, a.space_id, a.organisation_id);
        if (!space || !org) return std::optional<Send>();
        Send send{*space, org->name, stories::partners_of(c, a.space_id, a.organisation_id)};
        // An organisation with nobody answering for it yet: its facilitators chase it.
        if (send.people.empty())
          for (const auto& m : spaces::members(c, a.space_id))
            if (m.role == spaces::Role::facilitator) send.people.push_back(m.user_id);
        return std::optional<Send>(std::move(send));
      });
      if (!send || !*send) continue;
      const auto& s = **send;
      View v;
      v.set("space", s.space.name);
      v.set("organisation", s.organisation);
      v.set("title", a.title);
      v.set("due_on", a.due_on.value_or(""));
      v.set("days", std::to_string(kStaleDays));
      v.set("link", app.link("/spaces/" + s.space.slug + "/actions/" + std::to_string(a.id)));
      const bool is_due = std::string_view(d.kind) == "due";
      for (auto id : s.people)
        accounts::email_person(app, id, is_due ? "actions_email_due_subject" : "actions_email_stale_subject",
                               {{"title", a.title}}, is_due ? "actions_due" : "actions_stale", v);
      ++reminded;
    }
  }
  return reminded;
}

}  // namespace hs::actions::commands
