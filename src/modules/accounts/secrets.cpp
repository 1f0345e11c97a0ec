#include "modules/accounts/secrets.hpp"

namespace hs::accounts::secrets {

namespace {
// Distinct ids and contexts: a leak of one sub-key tells nothing about the others.
crypto::Key lookup_key(const crypto::Key& m) { return crypto::derive(m, 101, "acctlook"); }
crypto::Key email_key(const crypto::Key& m) { return crypto::derive(m, 102, "acctmail"); }
crypto::Key needs_key(const crypto::Key& m) { return crypto::derive(m, 103, "acctneed"); }
}  // namespace

std::string email_lookup(const crypto::Key& master, std::string_view normalised) {
  return crypto::keyed_hash_hex(lookup_key(master), normalised);
}
std::string seal_email(const crypto::Key& master, std::string_view email) {
  return crypto::seal(email_key(master), email);
}
std::optional<std::string> open_email(const crypto::Key& master, std::string_view sealed) {
  return crypto::open(email_key(master), sealed);
}
std::string seal_access_needs(const crypto::Key& master, std::string_view needs) {
  return crypto::seal(needs_key(master), needs);
}
std::optional<std::string> open_access_needs(const crypto::Key& master, std::string_view sealed) {
  return crypto::open(needs_key(master), sealed);
}

}  // namespace hs::accounts::secrets
