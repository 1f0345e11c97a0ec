#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/commands/support.hpp"
#include "modules/spaces/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::spaces::commands {

Result<std::string> update_space(Services& app, std::int64_t space_id, const SpaceFields& f) {
  if (auto ok = validate_space(f, true); !ok) return fail(ok.error());
  const auto now = app.clock->now();
  try {
    return app.store->write([&](store::Conn& c) -> Result<std::string> {
      if (repo::slug_taken(c, f.slug, space_id)) return fail(slug_taken_error());
      repo::update_space(c, space_id, f.slug, f.name, f.kind, f.purpose, f.visibility, f.code_of_conduct, now);
      return f.slug;
    });
  } catch (const store::StoreError& e) {
    if (e.unique()) return fail(slug_taken_error());
    throw;
  }
}

}  // namespace hs::spaces::commands
