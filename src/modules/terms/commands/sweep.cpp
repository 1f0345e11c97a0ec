// The review reminder: once per space and review date, claimed in a short transaction
// and emailed after commit.
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/spaces/module.hpp"
#include "modules/terms/module.hpp"
#include "modules/terms/repo.hpp"
#include "modules/terms/rules/amendment.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::terms {

int sweep(Services& app) {
  const auto now = app.clock->now();
  const auto today = iso_day(now);
  int reminded = 0;
  auto due = app.store->with([&](store::Conn& c) { return repo::reviews_due(c, today); });
  struct Send {
    spaces::Space space;
    std::vector<std::int64_t> people;
  };
  for (const auto& d : due) {
    auto send = app.store->write([&](store::Conn& c) -> Result<std::optional<Send>> {
      if (!repo::claim_review(c, d.space_id, d.review_on, now)) return std::optional<Send>();
      auto space = spaces::space_by_id(c, d.space_id);
      if (!space) return std::optional<Send>();
      Send s{*space, {}};
      std::vector<std::int64_t> stewards;
      for (const auto& m : spaces::members(c, d.space_id)) {
        if (m.role == spaces::Role::facilitator) s.people.push_back(m.user_id);
        if (m.role == spaces::Role::steward) stewards.push_back(m.user_id);
      }
      if (s.people.empty()) s.people = std::move(stewards);
      return std::optional<Send>(std::move(s));
    });
    if (!send || !*send) continue;
    const auto& s = **send;
    View v;
    v.set("space", s.space.name);
    v.set("number", std::to_string(d.number));
    v.set("review_on", d.review_on);
    v.set("link", app.link("/spaces/" + s.space.slug + "/terms"));
    v.set("amend_link", app.link("/spaces/" + s.space.slug + "/terms/amend"));
    for (auto id : s.people)
      accounts::email_person(app, id, "terms_email_review_subject", {{"space", s.space.name}}, "terms_review_due", v);
    ++reminded;
  }
  return reminded;
}

}  // namespace hs::terms
