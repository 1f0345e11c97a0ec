#pragma once
// Keeping the answers of anonymous polls apart from the people who gave them.
//
// Each person who answers gets a random *ballot code* that only they hold: in an
// HttpOnly cookie bound to their account, and shown to them so they can write it down
// and see or change their answer on another device. Their answer is stored under a
// pseudonym computed from the proposal and that code, which the server never stores.
// So nobody can tell whose answer is whose from the database – not even with the
// master key. The answer itself is padded to one length and sealed under the
// proposal's random ballot key (stored sealed under the master key, destroyed at
// closing), so that a copy of the database does not show a running count either.
// At closing the answers are re-keyed under fresh random pseudonyms and the key is
// deleted. docs/governance.md says what this does and does not protect against.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.hpp"
#include "modules/decisions/ballot_codec.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::decisions::commands::anonymity {

// A fresh random ballot key for a proposal, sealed for storage.
std::string new_sealed_key(const Services& app, std::int64_t proposal_id);
// The proposal's ballot key; nothing once it has been destroyed (or never existed).
std::optional<crypto::Key> ballot_key(const Services& app, store::Conn& c, std::int64_t proposal_id);

// A new ballot code: 20 characters from an alphabet without look-alikes (100 bits).
std::string new_code();
// What a person typed, as a code: capitals, spaces and dashes ignored; nothing if it
// cannot be one.
std::optional<std::string> normalise_code(std::string_view typed);
// The code in groups of four, for reading and writing down.
std::string display_code(std::string_view code);

// The answer's pseudonym while the poll is open (hex SHA-256 of proposal and code).
std::string pseudonym(std::int64_t proposal_id, std::string_view code);
// A pseudonym that no one can relate to the open one once `salt` is gone.
std::string closing_pseudonym(const crypto::Key& salt, std::string_view open_pseudonym);

// The cookie that keeps a person's code in their browser, bound to their account and
// the proposal, so that on a shared device the next person cannot use it.
std::string cookie_name(std::int64_t proposal_id);
std::string cookie_value(const Services& app, std::int64_t user_id, std::int64_t proposal_id, std::string_view code);
std::optional<std::string> code_from_cookie(const Services& app, std::int64_t user_id, std::int64_t proposal_id,
                                            std::string_view value);

// Seals an answer under its pseudonym: the same length for every answer; opening
// checks it belongs to that pseudonym, so sealed answers cannot be swapped unnoticed.
std::string seal_ballot(const crypto::Key& ballot_key, std::string_view pseudonym, const StoredBallot& b);
std::optional<StoredBallot> open_ballot(const crypto::Key& ballot_key, std::string_view pseudonym,
                                        std::string_view sealed);

// Answers sealed in turnout rows before migration 0009, bound to the user id.
std::optional<StoredBallot> open_legacy_ballot(const crypto::Key& ballot_key, std::int64_t user_id,
                                               std::string_view sealed);

}  // namespace hs::decisions::commands::anonymity
