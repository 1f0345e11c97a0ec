#include "modules/spaces/handlers/common.hpp"

#include <unordered_map>

#include "core/dates.hpp"
#include "core/lines.hpp"
#include "modules/spaces/module.hpp"
#include "web/blocks.hpp"
#include "web/parse.hpp"
#include "web/render.hpp"

namespace hs::spaces::handlers {

using web::Context;
using web::Response;
using web::View;

Subject subject_for(const Context& c, Role role, Visibility visibility, bool invited) {
  Subject s;
  s.signed_in = c.viewer.has_value();
  s.site_steward = c.viewer && c.viewer->site_steward;
  s.role = s.signed_in ? role : Role::none;
  s.invited = invited;
  s.visibility = visibility;
  return s;
}

std::optional<Loaded> load_space(Context& c) {
  std::string slug(c.param("slug"));
  if (slug.empty() || slug.size() > 80) return std::nullopt;
  // Pages that only read may use a lookup from the last two seconds; an action always
  // checks the roles as they are now.
  const bool reading = c.req.method == "GET" || c.req.method == "HEAD";
  const std::int64_t viewer = c.viewer ? c.viewer->user_id : 0;
  auto sv = reading ? commands::space_for_viewer_cached(c.app, slug, viewer)
                    : commands::space_for_viewer(c.app, slug, viewer);
  if (!sv) return std::nullopt;
  Loaded l{std::move(*sv), {}};
  l.subject = subject_for(c, parse_role(l.sv.role).value_or(Role::none),
                          parse_visibility(l.sv.space.visibility).value_or(Visibility::private_space), false);
  if (!view_space(l.subject)) return std::nullopt;
  return l;
}

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "spaces_not_found")); }

Response forbidden(Context& c) {
  if (!c.viewer) return c.need_signin();
  return c.error_page(Error::of(ErrorCode::forbidden, "spaces_forbidden"));
}

Response sign_in_then(Context&, const std::string& back_to) {
  return Response::redirect("/signin?next=" + web::percent_encode(back_to));
}

commands::Actor actor(Context& c) {
  commands::Actor a;
  if (c.viewer) {
    a.user_id = c.viewer->user_id;
    a.display_name = c.viewer->display_name;
  }
  a.site_url = c.absolute_url("");
  return a;
}

View space_page_view(Context& c, const Loaded& l, const std::string& title_key) {
  View v = c.view(title_key);
  v.set("page_title", c.app.renderer->format(title_key, {{"space", l.space().name}}));
  v.set("space", space_view(c, l.space()));
  add_notice(c, v);
  return v;
}

std::string iso_date(std::int64_t t) { return dates::format(t, dates::Style::day); }

std::string role_label(const Context& c, const std::string& role) { return c.t("spaces_role_" + role); }

void add_notice(Context& c, View& v) {
  static constexpr std::string_view kKnown[] = {"created",  "updated", "requested", "approved",
                                                "declined", "joined",  "left",      "role_changed"};
  auto n = c.query_param("notice");
  for (auto k : kKnown)
    if (n == k) v.set("notice", c.t("spaces_notice_" + std::string(k)));
}

Error at_field(Error e, const std::string& field) {
  if (e.fields.empty()) e.fields.push_back({field, e.message_key});
  return e;
}

std::string redirect_with_notice(const std::string& path, const std::string& notice) {
  return path + "?notice=" + notice;
}

}  // namespace hs::spaces::handlers
