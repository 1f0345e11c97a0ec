// Audit findings and running the verifier from the page.
#include <chrono>
#include <sstream>

#include "core/clock.hpp"
#include "modules/audit/commands/commands.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::audit::commands {

Result<VerifyRun> verify_log(Services& app, const SpaceRef& space) {
  const auto t0 = std::chrono::steady_clock::now();
  std::ostringstream out;
  auto w = write_export(app, space, out);
  if (!w) return fail(w.error());
  VerifyRun run;
  run.verdict = verify_export(out.str());
  run.millis = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  // Deliberately not logged: a verification reads the log and changes nothing.
  return run;
}

Result<std::int64_t> record_finding(Services& app, std::int64_t space_id, std::int64_t author_id,
                                    const rules::FindingInput& input) {
  auto in = rules::check_finding(input);
  if (!in) return fail(in.error());
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    repo::FindingRow row;
    row.space_id = space_id;
    row.created_at = now;
    row.outcome = in->outcome;
    row.title = in->title;
    row.body = in->body;
    row.author_id = author_id;
    const auto id = repo::insert_finding(c, row);
    auto seq = append(app, c, space_id, "audit.finding",
                      {{"outcome", in->outcome},
                       {"text_sha256", rules::finding_digest(in->title, in->body)},
                       {"by", person_commitment(app, space_id, author_id)}});
    if (!seq) return fail(seq.error());
    return id;
  });
}

std::vector<repo::FindingRow> findings(Services& app, std::int64_t space_id, std::int64_t limit) {
  return app.store->with([&](store::Conn& c) { return repo::findings(c, space_id, limit); });
}

void erase_person(store::Conn& c, std::int64_t user_id) {
  repo::forget_finding_author(c, user_id);
  repo::forget_seen_heads(c, user_id);
  repo::forget_digests(c, user_id);
}

}  // namespace hs::audit::commands
