#include <algorithm>

#include "modules/spaces/handlers/handlers.hpp"
#include "web/render.hpp"

namespace hs::spaces::handlers {

using web::Context;
using web::View;

namespace {

View card(Context& c, const repo::SpaceCard& s, bool mine) {
  View v;
  v.set("slug", s.slug);
  v.set("name", s.name);
  v.set("kind_label", c.t("spaces_kind_" + s.kind));
  auto p = web::paragraphs(s.purpose);
  if (!p.items().empty()) v.set("purpose", p.items().front());
  if (mine) {
    v.set("role_label", role_label(c, s.role));
    if (s.visibility != "listed") v.set("visibility_label", c.t("spaces_visibility_" + s.visibility));
  } else {
    v.set("members", c.app.renderer->format(s.members == 1 ? "spaces_one_member" : "spaces_n_members",
                                            {{"count", std::to_string(s.members)}}));
  }
  return v;
}

}  // namespace

web::Response spaces_index(Context& c) {
  auto d = commands::directory(c.app, c.viewer ? c.viewer->user_id : 0);
  View v = c.view("spaces_index_title");
  add_notice(c, v);
  View listed = View::list(), mine = View::list();
  for (const auto& s : d.mine) mine.push(card(c, s, true));
  // "Spaces you can join": the listed ones this person is not in yet.
  for (const auto& s : d.listed) {
    bool in = std::any_of(d.mine.begin(), d.mine.end(), [&](const repo::SpaceCard& m) { return m.id == s.id; });
    if (!in) listed.push(card(c, s, false));
  }
  v.set("has_listed", !listed.items().empty());
  v.set("has_mine", !d.mine.empty());
  v.set("listed", std::move(listed));
  v.set("mine", std::move(mine));
  View kinds = View::list();
  for (auto k : {"practice", "forum", "network"}) {
    View item;
    item.set("label", c.t(std::string("spaces_kind_") + k));
    item.set("about", c.t(std::string("spaces_kind_") + k + "_about"));
    kinds.push(std::move(item));
  }
  v.set("kinds", std::move(kinds));
  v.set("can_create", create_space(subject_for(c, Role::none, Visibility::private_space, false)));
  return c.page("spaces/index", v);
}

}  // namespace hs::spaces::handlers
