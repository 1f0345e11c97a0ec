// Taking a resource out of the library: the person who added it, or a facilitator with a
// reason (kept on the resource and written to the decision log). The row stays as
// "removed"; its file is deleted once the removal has committed.
#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/library/commands/commands.hpp"
#include "modules/library/commands/support.hpp"
#include "modules/library/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::library::commands {

Result<void> remove(Services& app, std::int64_t space_id, std::int64_t resource_id, std::int64_t user_id,
                    const std::string& reason) {
  const auto now = app.clock->now();
  std::optional<std::string> file;
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    auto who = subject_in(c, space_id, user_id);
    auto row = repo::resource(c, resource_id);
    if (!row || row->space_id != space_id || row->state != "shown" || !permissions::view_library(who))
      return fail(ErrorCode::not_found, "library_not_found");
    const bool added_it = row->added_by && *row->added_by == user_id;
    if (!permissions::remove_resource(who, added_it)) return fail(ErrorCode::forbidden, "library_not_yours");
    std::optional<std::string> why;
    if (permissions::needs_reason(who, added_it)) {
      auto t = std::string(text::trim(reason));
      Validation v;
      if (t.empty()) v.add("reason", "library_reason_missing");
      else if (!text::valid_utf8(t) || text::has_control(t, true) || text::length(t) > 1000)
        v.add("reason", "library_reason_long");
      if (!v.ok()) return fail(v.error());
      why = t;
    }
    file = row->stored_name;
    repo::set_removed(c, resource_id, why, now);
    if (!app.audit) return {};
    // The reason is the facilitator's account of a moderation step, as a decision's
    // reasons are: it is what an auditor needs to see. Never who added the resource.
    services::AuditFields data{{"resource", resource_id}, {"kind", row->kind}, {"by", std::string(added_it ? "adder" : "facilitator")}};
    if (why) data.emplace_back("reason", *why);
    if (auto ok = app.audit->append(app, c, space_id, "library.resource_removed", data); !ok) return fail(ok.error());
    return {};
  });
  if (r && file) delete_file(app.kept<Storage>(), *file);
  return r;
}

}  // namespace hs::library::commands
