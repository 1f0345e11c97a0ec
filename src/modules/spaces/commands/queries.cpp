// Reads for pages: no rules to apply, one short read each.
#include <tuple>

#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/commands/support.hpp"
#include "modules/spaces/people.hpp"
#include "store/db.hpp"
#include "web/app.hpp"
#include "web/lookup_cache.hpp"

namespace hs::spaces::commands {

std::optional<repo::SpaceForViewer> space_for_viewer(web::App& app, const std::string& slug, std::int64_t viewer) {
  return app.store->with([&](store::Conn& c) { return repo::space_for_viewer(c, slug, viewer); });
}

std::optional<repo::SpaceForViewer> space_for_viewer_cached(web::App& app, const std::string& slug,
                                                            std::int64_t viewer) {
  // Two seconds: see web/lookup_cache.hpp for why a change through this server shows at
  // once, and docs/security.md for the bound on changes made elsewhere.
  using Key = std::tuple<const web::App*, std::string, std::int64_t>;
  static web::LookupCache<Key, std::optional<repo::SpaceForViewer>> cache(2, 20000);
  const auto now = app.clock->now();
  Key key{&app, slug, viewer};
  if (auto hit = cache.find(key, now)) return *hit;
  const auto epoch = web::write_epoch();
  auto sv = space_for_viewer(app, slug, viewer);
  cache.put(std::move(key), sv, now, epoch);
  return sv;
}

Directory directory(web::App& app, std::int64_t viewer) {
  return app.store->with([&](store::Conn& c) {
    Directory d;
    d.listed = repo::listed_spaces(c);
    if (viewer) d.mine = repo::spaces_of(c, viewer);
    return d;
  });
}

std::vector<Member> members(web::App& app, std::int64_t space_id, bool with_access_needs) {
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

std::vector<repo::RequestRow> pending_requests(web::App& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::pending_requests(c, space_id); });
}

std::vector<InvitationItem> invitations(web::App& app, std::int64_t space_id) {
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
