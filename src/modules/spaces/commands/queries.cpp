// Reads for pages: no rules to apply, one short read each.
#include <tuple>

#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/commands/support.hpp"
#include "modules/spaces/people.hpp"
#include "modules/spaces/repo.hpp"
#include "services/lookup_cache.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::spaces::commands {

std::optional<repo::SpaceForViewer> space_for_viewer(Services& app, const std::string& slug, std::int64_t viewer) {
  return app.store->with([&](store::Conn& c) { return repo::space_for_viewer(c, slug, viewer); });
}

std::optional<repo::SpaceForViewer> space_for_viewer_cached(Services& app, const std::string& slug,
                                                            std::int64_t viewer) {
  // Two seconds: see services/lookup_cache.hpp for why a change through this server shows at
  // once, and docs/security.md for the bound on changes made elsewhere.
  // One cache per server (Services::kept), so servers in one process never share rows.
  using Key = std::tuple<std::string, std::int64_t>;
  struct Cache {
    services::LookupCache<Key, std::optional<repo::SpaceForViewer>> rows{2, 20000};
  };
  auto& cache = app.kept<Cache>().rows;
  const auto now = app.clock->now();
  Key key{slug, viewer};
  if (auto hit = cache.find(key, now)) return *hit;
  const auto epoch = services::write_epoch();
  auto sv = space_for_viewer(app, slug, viewer);
  cache.put(std::move(key), sv, now, epoch);
  return sv;
}

Directory directory(Services& app, std::int64_t viewer) {
  return app.store->with([&](store::Conn& c) {
    Directory d;
    d.listed = repo::listed_spaces(c);
    if (viewer) d.mine = repo::spaces_of(c, viewer);
    return d;
  });
}

std::vector<Member> members(Services& app, std::int64_t space_id, bool with_access_needs) {
  return app.store->with([&](store::Conn& c) {
    std::vector<Member> out;
    for (auto& row : repo::members(c, space_id)) {
      Member m{std::move(row), std::nullopt};
      if (with_access_needs) m.access_needs = people::shared_access_needs(app, c, m.row.user_id);
      out.push_back(std::move(m));
    }
    return out;
  });
}

std::vector<repo::RequestRow> pending_requests(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::pending_requests(c, space_id); });
}

std::vector<InvitationItem> invitations(Services& app, std::int64_t space_id) {
  auto rows = app.store->with([&](store::Conn& c) { return repo::invitations(c, space_id); });
  const auto now = app.clock->now();
  const auto key = invitation_email_key(app.master_key);
  std::vector<InvitationItem> out;
  out.reserve(rows.size());
  for (auto& r : rows) {
    InvitationItem item;
    item.state = invitation_state(now, r.expires_at, r.used_at);
    if (r.email_sealed) item.email = crypto::open(key, *r.email_sealed);
    item.row = std::move(r);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace hs::spaces::commands
