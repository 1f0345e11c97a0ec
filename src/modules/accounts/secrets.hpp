#pragma once
// Sub-keys of the master key for what accounts keep secret, and the helpers that use
// them: email addresses are found by a keyed hash and stored sealed; access needs are
// sealed. Derivation is cheap (BLAKE2b), so keys are not cached.
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.hpp"

namespace hs::accounts::secrets {

// normalised: rules::normalise_email's output.
std::string email_lookup(const crypto::Key& master, std::string_view normalised);
std::string seal_email(const crypto::Key& master, std::string_view email);
std::optional<std::string> open_email(const crypto::Key& master, std::string_view sealed);
std::string seal_access_needs(const crypto::Key& master, std::string_view needs);
std::optional<std::string> open_access_needs(const crypto::Key& master, std::string_view sealed);

}  // namespace hs::accounts::secrets
