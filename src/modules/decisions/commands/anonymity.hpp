#pragma once
// The keys of anonymous polls. Each proposal has its own random ballot key, sealed at
// rest under a key derived from the master key and destroyed when the proposal closes.
// While open it seals each person's (padded) answer in their turnout row, so they can
// see and change it; at closing the answers are opened, written out apart from anybody,
// keyed by pseudonym = HMAC(ballot key, user id) and in pseudonym order, and the key
// row is deleted in the same transaction. See docs/governance.md for what this does and
// does not protect against.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.hpp"
#include "modules/decisions/ballot_codec.hpp"

namespace hs::web {
class App;
}
namespace hs::store {
class Conn;
}

namespace hs::decisions::commands::anonymity {

// A fresh random ballot key for a proposal, sealed for storage.
std::string new_sealed_key(const web::App& app, std::int64_t proposal_id);
// The proposal's ballot key; nothing once it has been destroyed (or never existed).
std::optional<crypto::Key> ballot_key(const web::App& app, store::Conn& c, std::int64_t proposal_id);

std::string pseudonym(const crypto::Key& ballot_key, std::int64_t user_id);

// Seals an answer for one person: the same length for every answer; opening checks it
// belongs to that person, so sealed answers cannot be swapped between rows unnoticed.
std::string seal_ballot(const crypto::Key& ballot_key, std::int64_t user_id, const StoredBallot& b);
std::optional<StoredBallot> open_ballot(const crypto::Key& ballot_key, std::int64_t user_id, std::string_view sealed);

}  // namespace hs::decisions::commands::anonymity
