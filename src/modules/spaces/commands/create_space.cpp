#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/commands/support.hpp"
#include "modules/spaces/repo.hpp"
#include "modules/spaces/rules/slug.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::spaces::commands {

Result<std::string> create_space(Services& app, const Actor& who, SpaceFields f) {
  if (auto ok = validate_space(f, false); !ok) return fail(ok.error());
  if (!app.audit) return fail(ErrorCode::unavailable, "common_unavailable");  // the audit module is not wired
  const auto now = app.clock->now();
  try {
    return app.store->write([&](store::Conn& c) -> Result<std::string> {
      std::string slug = f.slug;
      if (slug.empty()) {
        auto base = slug_from_name(f.name);
        slug = first_free_slug(base, repo::slugs_like(c, base));
      } else if (repo::slug_taken(c, slug, 0)) {
        return fail(slug_taken_error());
      }
      auto id =
          repo::insert_space(c, slug, f.name, f.kind, f.purpose, f.visibility, f.code_of_conduct, who.user_id, now);
      // Whoever writes the code of conduct has accepted it.
      repo::add_member(c, id, who.user_id, std::string(to_string(Role::steward)), now, now);
      services::AuditFields created{{"kind", f.kind}, {"visibility", f.visibility}};
      if (auto logged = app.audit->append(app, c, id, "space.created", created); !logged) return fail(logged.error());
      if (auto logged = log_membership(app, c, id, "membership.joined", who.user_id, "steward"); !logged)
        return fail(logged.error());
      return slug;
    });
  } catch (const store::StoreError& e) {
    if (e.unique()) return fail(slug_taken_error());  // created by someone else a moment ago
    throw;
  }
}

}  // namespace hs::spaces::commands
