// The per-space keys: the one that seals the signing key and the one behind person
// commitments, both derived from the master key; and creating a log with its key pair.
#include "modules/audit/commands/commands.hpp"
#include "modules/audit/signing.hpp"
#include "services/services.hpp"

namespace hs::audit::commands {

crypto::Key signing_seal_key(const Services& app, std::int64_t space_id) {
  return crypto::derive(app.master_key, static_cast<std::uint64_t>(space_id), "auditsig");
}

crypto::Key commitment_key(const Services& app, std::int64_t space_id) {
  return crypto::derive(app.master_key, static_cast<std::uint64_t>(space_id), "auditppl");
}

std::string person_commitment(const Services& app, std::int64_t space_id, std::int64_t user_id) {
  return crypto::to_hex(crypto::hmac_sha256(commitment_key(app, space_id), std::to_string(user_id)));
}

void create_log(Services& app, store::Conn& c, std::int64_t space_id) {
  auto pair = signing::generate();
  repo::create_log(c, space_id, pair.public_hex, crypto::seal(signing_seal_key(app, space_id), pair.secret),
                   app.clock->now());
}

}  // namespace hs::audit::commands
