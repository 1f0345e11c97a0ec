#pragma once
// Thin wrappers over libsodium: random tokens, hashing, sealing sensitive fields and
// password hashing. Keys never leave this layer as anything but bytes.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace hs::crypto {

// Must be called once before any other function (idempotent).
void init();

// 128-bit (default) random token, base64url without padding.
std::string random_token(std::size_t bytes = 16);
// Random string from an alphabet (e.g. short codes), uniform.
std::string random_from(std::string_view alphabet, std::size_t length);

std::string sha256_hex(std::string_view data);
std::string sha256_raw(std::string_view data);
std::string to_hex(std::string_view bytes);
std::optional<std::string> from_hex(std::string_view hex);
std::string base64url(std::string_view bytes);
std::optional<std::string> from_base64url(std::string_view text);

// Constant-time equality.
bool equal(std::string_view a, std::string_view b);

using Key = std::array<unsigned char, 32>;

// Keyed BLAKE2b, hex: lookups of sensitive values (an email) without storing them plain.
std::string keyed_hash_hex(const Key& key, std::string_view data);
// HMAC-SHA256, raw bytes.
std::string hmac_sha256(const Key& key, std::string_view data);
// XSalsa20-Poly1305 with a random nonce; output is base64url(nonce || box).
std::string seal(const Key& key, std::string_view plain);
std::optional<std::string> open(const Key& key, std::string_view sealed);
// Derive a sub-key for one purpose from the master key.
Key derive(const Key& master, std::uint64_t id, std::string_view context8);

// Argon2id, at least 19 MiB and 2 passes (OWASP's minimum); encoded string.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view encoded, std::string_view password);
bool password_needs_rehash(std::string_view encoded);

}  // namespace hs::crypto
