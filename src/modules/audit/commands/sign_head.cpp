// Signing the log as it stands: an Ed25519 signature over the canonical tree head. A
// new head must extend the largest one ever signed: signing a log that was cut short
// or rewritten under an earlier head would vouch for the forgery, so it is refused.
#include <algorithm>
#include <stdexcept>

#include "modules/audit/commands/commands.hpp"
#include "modules/audit/commands/stored_tree.hpp"
#include "modules/audit/signing.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::audit::commands {

namespace {

SignedHead signed_head(const repo::HeadRow& h, const std::string& public_key) {
  return SignedHead{h.space_id, h.size, h.root, h.timestamp, h.signature, public_key};
}

}  // namespace

Result<SignedHead> sign_head(Services& app, store::Conn& c, std::int64_t space_id) {
  auto size = repo::lock_log(c, space_id);
  if (!size) {
    create_log(app, c, space_id);
    size = repo::lock_log(c, space_id);
    if (!size) throw std::logic_error("audit log missing right after it was created");
  }
  auto key = repo::key(c, space_id);
  if (!key) throw std::runtime_error("the audit log of space " + std::to_string(space_id) + " has no key");
  auto state = repo::log_state(c, space_id);
  const auto& kept = state ? state->kept : std::nullopt;
  if (kept && kept->size == *size) return signed_head(*kept, key->public_key);

  StoredTree tree(c, space_id);
  if (kept && *size < kept->size) return fail(ErrorCode::conflict, "audit_log_cut_short_refused");
  if (kept && merkle::to_hex(tree.range({0, static_cast<std::uint64_t>(kept->size)})) != kept->root)
    return fail(ErrorCode::conflict, "audit_log_rewritten_refused");

  auto secret = crypto::open(signing_seal_key(app, space_id), key->secret_sealed);
  if (!secret)
    throw std::runtime_error("the audit signing key of space " + std::to_string(space_id) +
                             " cannot be opened: is this the right master key?");
  // A larger head never carries an earlier time, even from a server whose clock is
  // behind another's: the verifier reads that as the log having been rolled back.
  const auto now = kept ? std::max(app.clock->now(), kept->timestamp) : app.clock->now();
  repo::HeadRow head{space_id, *size, merkle::to_hex(tree.range({0, static_cast<std::uint64_t>(*size)})), now, ""};
  auto signature = signing::sign(*secret, canonical::head_text(space_id, head.size, head.root, head.timestamp));
  if (!signature)
    throw std::runtime_error("the audit signing key of space " + std::to_string(space_id) + " is damaged");
  head.signature = *signature;
  repo::insert_head(c, head);
  repo::keep_head(c, head);
  return signed_head(head, key->public_key);
}

Result<SignedHead> sign_head(Services& app, std::int64_t space_id) {
  return app.store->write([&](store::Conn& c) { return sign_head(app, c, space_id); });
}

}  // namespace hs::audit::commands
