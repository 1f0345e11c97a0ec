// The queries and page helpers spaces/module.hpp offers other modules.
#include "core/view.hpp"
#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/handlers/common.hpp"
#include "modules/spaces/module.hpp"
#include "modules/spaces/repo.hpp"
#include "services/services.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::spaces {

std::optional<Space> space_by_id(store::Conn& c, std::int64_t id) { return repo::space_by_id(c, id); }

std::optional<std::int64_t> space_id_by_slug(store::Conn& c, const std::string& slug) {
  return repo::space_id_by_slug(c, slug);
}

Role role_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  return parse_role(repo::role_of(c, space_id, user_id)).value_or(Role::none);
}

std::vector<Member> members(store::Conn& c, std::int64_t space_id) {
  std::vector<Member> out;
  for (const auto& [id, role] : repo::member_roles(c, space_id)) out.push_back({id, parse_role(role).value_or(Role::none)});
  return out;
}

void lock_space(store::Conn& c, std::int64_t space_id) { repo::lock_space(c, space_id); }

Result<void> make_partner(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  return commands::make_partner(app, c, space_id, user_id);
}

Result<void> end_partner(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  return commands::end_partner(app, c, space_id, user_id);
}

std::optional<SpaceInPath> space_in_path(web::Context& c) {
  auto l = handlers::load_space(c);
  if (!l) return std::nullopt;
  return SpaceInPath{l->space(), l->subject};
}

std::optional<SpaceInPath> space_as(Services& app, const std::string& slug, std::int64_t user_id, bool site_steward) {
  if (slug.empty() || slug.size() > 80) return std::nullopt;
  auto sv = commands::space_for_viewer(app, slug, user_id);
  if (!sv) return std::nullopt;
  Subject s;
  s.signed_in = user_id != 0;
  s.site_steward = site_steward;
  s.role = s.signed_in ? parse_role(sv->role).value_or(Role::none) : Role::none;
  s.visibility = parse_visibility(sv->space.visibility).value_or(Visibility::private_space);
  if (!view_space(s)) return std::nullopt;
  return SpaceInPath{std::move(sv->space), s};
}

web::View space_view(web::Context& c, const Space& space) {
  web::View s;
  s.set("id", space.id);
  s.set("slug", space.slug);
  s.set("name", space.name);
  s.set("kind", space.kind);
  s.set("kind_label", c.t("spaces_kind_" + space.kind));
  s.set("kind_about", c.t("spaces_kind_" + space.kind + "_about"));
  s.set("visibility_label", c.t("spaces_visibility_" + space.visibility));
  s.set("purpose", web::paragraphs(space.purpose));
  return s;
}

web::View space_page(web::Context& c, const SpaceInPath& s, const std::string& title_key,
                     const std::vector<std::pair<std::string, std::string>>& args) {
  web::View v = c.view(title_key);
  auto all = args;
  all.emplace_back("space", s.space().name);
  v.set("page_title", c.app.renderer->format(title_key, all));
  v.set("space", space_view(c, s.space()));
  return v;
}

web::Response refuse(web::Context& c, const std::string& key) {
  if (!c.viewer) return c.need_signin();
  return c.error_page(Error::of(ErrorCode::forbidden, key));
}

std::int64_t viewer_id(const web::Context& c) { return c.viewer ? c.viewer->user_id : 0; }

}  // namespace hs::spaces
