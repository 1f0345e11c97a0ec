#pragma once
// Ed25519 (libsodium) for signed tree heads: one key pair per space. Keys and signatures
// travel as lower-case hex.
#include <optional>
#include <string>
#include <string_view>

namespace hs::audit::signing {

struct KeyPair {
  std::string public_hex;  // 32 bytes
  std::string secret;      // 64 raw bytes; seal before storing
};

KeyPair generate();
// Hex signature of message, or nothing when the secret key is not one.
std::optional<std::string> sign(std::string_view secret, std::string_view message);
bool verify(std::string_view public_hex, std::string_view message, std::string_view signature_hex);
bool valid_public_key(std::string_view public_hex);

}  // namespace hs::audit::signing
