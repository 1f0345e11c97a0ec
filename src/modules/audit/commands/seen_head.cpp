// The audit page remembers the signed head each auditor was shown, and next time tells
// them whether the log has only grown since. The server answers from its own storage,
// so this catches a database edited behind its back (a log cut short, entries
// rewritten), not a server that lies; the Atom feed of heads and kept copies of heads
// are for that.
#include <stdexcept>

#include "modules/audit/commands/commands.hpp"
#include "modules/audit/commands/stored_tree.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::audit::commands {

namespace {

// Whether the stored log extends the head seen: the consistency proof from storage
// between it and the largest head, checked as an outside auditor would check it.
bool extends(store::Conn& c, std::int64_t space_id, const repo::SeenHead& seen, const repo::HeadRow& now) {
  auto seen_root = merkle::from_hex(seen.root);
  auto now_root = merkle::from_hex(now.root);
  if (!seen_root || !now_root) return false;
  StoredTree tree(c, space_id);
  const auto from = static_cast<std::uint64_t>(seen.size), to = static_cast<std::uint64_t>(now.size);
  std::vector<merkle::Hash> proof;
  try {
    for (const auto& r : merkle::consistency_ranges(from, to)) proof.push_back(tree.range(r));
  } catch (const store::StoreError&) {
    throw;  // the database is unwell: not a sign of tampering
  } catch (const std::runtime_error&) {
    return false;  // hashes missing from storage: rows were deleted
  }
  return merkle::verify_consistency(from, to, *seen_root, *now_root, proof);
}

}  // namespace

SeenCheck check_seen_head(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store
      ->write([&](store::Conn& c) -> Result<SeenCheck> {
        SeenCheck out;
        auto state = repo::log_state(c, space_id);
        if (!state || !state->kept) return out;
        const auto& now = *state->kept;
        out.size = now.size;
        auto seen = repo::seen_head(c, space_id, user_id);
        using O = SeenCheck::Outcome;
        if (seen) {
          out.seen_size = seen->size;
          out.seen_root = seen->root;
        }
        if (!seen) out.outcome = O::first;
        else if (seen->size > now.size) out.outcome = O::smaller;
        else if (seen->size == now.size) out.outcome = seen->root == now.root ? O::same : O::inconsistent;
        else out.outcome = extends(c, space_id, *seen, now) ? O::grown : O::inconsistent;
        if (out.outcome == O::first || out.outcome == O::grown)
          repo::remember_seen_head(c, space_id, user_id, {now.size, now.root}, app.clock->now());
        return out;
      })
      .value();
}

}  // namespace hs::audit::commands
