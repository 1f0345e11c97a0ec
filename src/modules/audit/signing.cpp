#include "modules/audit/signing.hpp"

#include <sodium.h>

#include "core/crypto.hpp"

namespace hs::audit::signing {

KeyPair generate() {
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  std::string sk(crypto_sign_SECRETKEYBYTES, '\0');
  crypto_sign_keypair(pk, reinterpret_cast<unsigned char*>(sk.data()));
  return {crypto::to_hex(std::string_view(reinterpret_cast<const char*>(pk), sizeof pk)), std::move(sk)};
}

std::optional<std::string> sign(std::string_view secret, std::string_view message) {
  if (secret.size() != crypto_sign_SECRETKEYBYTES) return std::nullopt;
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(secret.data()));
  return crypto::to_hex(std::string_view(reinterpret_cast<const char*>(sig), sizeof sig));
}

bool verify(std::string_view public_hex, std::string_view message, std::string_view signature_hex) {
  auto pk = crypto::from_hex(public_hex);
  auto sig = crypto::from_hex(signature_hex);
  if (!pk || pk->size() != crypto_sign_PUBLICKEYBYTES || !sig || sig->size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig->data()),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     reinterpret_cast<const unsigned char*>(pk->data())) == 0;
}

bool valid_public_key(std::string_view public_hex) {
  auto pk = crypto::from_hex(public_hex);
  return pk && pk->size() == crypto_sign_PUBLICKEYBYTES;
}

}  // namespace hs::audit::signing
