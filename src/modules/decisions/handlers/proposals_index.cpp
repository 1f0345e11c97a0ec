// GET /spaces/{slug}/decisions: open proposals first (closing soonest first), then
// closed ones with their outcome.
#include <algorithm>

#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/commands/support.hpp"
#include "modules/decisions/handlers/common.hpp"
#include "modules/decisions/handlers/handlers.hpp"
#include "modules/decisions/permissions.hpp"
#include "web/render.hpp"

namespace hs::decisions::handlers {

using web::Context;
using web::Response;
using web::View;

Response proposals_index(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  const auto& s = *a.space;
  View v = page_view(c, s, "decisions_index_title");
  auto cards = commands::list(c.app, s.space().id, c.viewer->user_id);
  std::stable_sort(cards.begin(), cards.end(), [](const auto& x, const auto& y) {
    if (x.closed_at.has_value() != y.closed_at.has_value()) return !x.closed_at.has_value();
    if (!x.closed_at) return x.closes_at < y.closes_at;
    return *x.closed_at > *y.closed_at;
  });
  View open = View::list(), closed = View::list();
  for (const auto& p : cards) {
    View item;
    item.set("href", decision_path(s, p.id));
    item.set("title", p.title);
    item.set("method", method_label(c, p.method));
    item.set("anonymous", p.anonymous);
    item.set("answered", c.app.renderer->format(p.answered == 1 ? "decisions_one_answered" : "decisions_n_answered",
                                                {{"count", std::to_string(p.answered)}}));
    if (p.closed_at) {
      item.set("outcome", outcome_label(c, p.outcome.value_or("no_votes")));
      item.set("when", commands::when_text(c.app, *p.closed_at));
      closed.push(std::move(item));
    } else {
      item.set("when", commands::when_text(c.app, p.closes_at));
      item.set("i_answered", p.i_answered);
      open.push(std::move(item));
    }
  }
  v.set("has_open", !open.items().empty());
  v.set("has_closed", !closed.items().empty());
  v.set("open", std::move(open));
  v.set("closed", std::move(closed));
  v.set("can_open", permissions::open_proposal(s.subject));
  return c.page("decisions/index", v);
}

}  // namespace hs::decisions::handlers
