// Signing the log as it stands: an Ed25519 signature over the canonical tree head.
#include <stdexcept>

#include "modules/audit/commands/commands.hpp"
#include "modules/audit/commands/stored_tree.hpp"
#include "modules/audit/signing.hpp"
#include "store/db.hpp"
#include "web/app.hpp"

namespace hs::audit::commands {

Result<SignedHead> sign_head(web::App& app, store::Conn& c, std::int64_t space_id) {
  auto size = repo::lock_log(c, space_id);
  if (!size) {
    create_log(app, c, space_id);
    size = repo::lock_log(c, space_id);
    if (!size) throw std::logic_error("audit log missing right after it was created");
  }
  auto key = repo::key(c, space_id);
  if (!key) throw std::runtime_error("the audit log of space " + std::to_string(space_id) + " has no key");
  if (auto latest = repo::latest_head(c, space_id); latest && latest->size == *size)
    return SignedHead{space_id, latest->size, latest->root, latest->timestamp, latest->signature, key->public_key};
  auto secret = crypto::open(signing_seal_key(app, space_id), key->secret_sealed);
  if (!secret) throw std::runtime_error("the audit signing key of space " + std::to_string(space_id) +
                                        " cannot be opened: is this the right master key?");
  StoredTree tree(c, space_id);
  repo::HeadRow head{space_id, *size, merkle::to_hex(tree.range({0, static_cast<std::uint64_t>(*size)})),
                     app.clock->now(), ""};
  auto signature = signing::sign(*secret, canonical::head_text(space_id, head.size, head.root, head.timestamp));
  if (!signature) throw std::runtime_error("the audit signing key of space " + std::to_string(space_id) + " is damaged");
  head.signature = *signature;
  repo::insert_head(c, head);
  return SignedHead{space_id, head.size, head.root, head.timestamp, head.signature, key->public_key};
}

Result<SignedHead> sign_head(web::App& app, std::int64_t space_id) {
  return app.store->write([&](store::Conn& c) { return sign_head(app, c, space_id); });
}

}  // namespace hs::audit::commands
