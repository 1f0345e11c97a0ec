#pragma once
#include <string>

#include "core/crypto.hpp"

namespace hs {

// The master key that seals sensitive fields and signs tokens. From HUMANSPACE_SECRET_KEY
// (64 hex digits) when set, else DIR/secret.key, made on first use with mode 0600.
// Losing it makes sealed fields unreadable: back it up beside the database.
crypto::Key load_or_create_key(const std::string& data_dir);

}  // namespace hs
