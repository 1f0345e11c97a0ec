// Reads: proofs from storage, the newest signed head, and what the audit page shows.
#include <stdexcept>

#include "modules/audit/commands/commands.hpp"
#include "modules/audit/commands/stored_tree.hpp"
#include "modules/audit/rules/merkle.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::audit::commands {

namespace {

std::int64_t log_size(store::Conn& c, std::int64_t space_id) { return repo::log_size(c, space_id); }

// Whether the stored entries still hash to the root the head signed.
bool matches(store::Conn& c, std::int64_t space_id, const repo::HeadRow& h) {
  try {
    StoredTree tree(c, space_id);
    return merkle::to_hex(tree.range({0, static_cast<std::uint64_t>(h.size)})) == h.root;
  } catch (const store::StoreError&) {
    throw;  // the database is unwell: not a sign of tampering
  } catch (const std::runtime_error&) {
    return false;  // hashes missing from storage: rows were deleted
  }
}

}  // namespace

std::optional<SignedHead> latest_head(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) -> std::optional<SignedHead> {
    auto state = repo::log_state(c, space_id);
    auto key = repo::key(c, space_id);
    if (!state || !state->kept || !key) return std::nullopt;
    const auto& h = *state->kept;
    return SignedHead{space_id, h.size, h.root, h.timestamp, h.signature, key->public_key};
  });
}

std::vector<SignedHead> recent_heads(Services& app, std::int64_t space_id, std::int64_t limit) {
  return app.store->with([&](store::Conn& c) {
    std::vector<SignedHead> out;
    auto key = repo::key(c, space_id);
    if (!key) return out;
    for (const auto& h : repo::recent_heads(c, space_id, limit))
      out.push_back(SignedHead{space_id, h.size, h.root, h.timestamp, h.signature, key->public_key});
    return out;
  });
}

Result<InclusionProof> inclusion_proof(Services& app, std::int64_t space_id, std::int64_t seq,
                                       std::optional<std::int64_t> size) {
  return app.store->with([&](store::Conn& c) -> Result<InclusionProof> {
    const auto n = size.value_or(log_size(c, space_id));
    if (n < 1 || n > log_size(c, space_id)) return fail(ErrorCode::invalid, "audit_proof_bad_size");
    if (seq < 0 || seq >= n) return fail(ErrorCode::invalid, "audit_proof_bad_seq");
    auto row = repo::entry(c, space_id, seq);
    if (!row) throw std::runtime_error("audit entry missing in space " + std::to_string(space_id));
    StoredTree tree(c, space_id);
    InclusionProof p{seq, n, row->entry, row->leaf, merkle::to_hex(tree.range({0, static_cast<std::uint64_t>(n)})), {}};
    for (const auto& r : merkle::inclusion_ranges(static_cast<std::uint64_t>(seq), static_cast<std::uint64_t>(n)))
      p.path.push_back(merkle::to_hex(tree.range(r)));
    return p;
  });
}

Result<ConsistencyProof> consistency_proof(Services& app, std::int64_t space_id, std::int64_t from,
                                           std::optional<std::int64_t> to) {
  return app.store->with([&](store::Conn& c) -> Result<ConsistencyProof> {
    const auto size = log_size(c, space_id);
    const auto n = to.value_or(size);
    if (n < 0 || n > size) return fail(ErrorCode::invalid, "audit_proof_bad_size");
    if (from < 0 || from > n) return fail(ErrorCode::invalid, "audit_proof_bad_from");
    StoredTree tree(c, space_id);
    ConsistencyProof p{from,
                       n,
                       merkle::to_hex(tree.range({0, static_cast<std::uint64_t>(from)})),
                       merkle::to_hex(tree.range({0, static_cast<std::uint64_t>(n)})),
                       {}};
    for (const auto& r : merkle::consistency_ranges(static_cast<std::uint64_t>(from), static_cast<std::uint64_t>(n)))
      p.proof.push_back(merkle::to_hex(tree.range(r)));
    return p;
  });
}

Summary summary(Services& app, std::int64_t space_id, std::int64_t recent) {
  return app.store->with([&](store::Conn& c) {
    Summary s;
    auto state = repo::log_state(c, space_id);
    s.size = state ? state->size : 0;
    if (auto key = repo::key(c, space_id)) {
      s.public_key = key->public_key;
      if (state && state->kept) {
        const auto& h = *state->kept;
        s.head = SignedHead{space_id, h.size, h.root, h.timestamp, h.signature, key->public_key};
        s.matches_head = h.size <= s.size && matches(c, space_id, h);
      }
    }
    s.recent = repo::recent_entries(c, space_id, recent);
    return s;
  });
}

}  // namespace hs::audit::commands
