#include "modules/decisions/commands/anonymity.hpp"

#include <algorithm>

#include "modules/decisions/repo.hpp"
#include "web/app.hpp"

namespace hs::decisions::commands::anonymity {

namespace {

crypto::Key seal_key(const web::App& app, std::int64_t proposal_id) {
  return crypto::derive(app.master_key, static_cast<std::uint64_t>(proposal_id), "decballt");
}

// The user id in a fixed width, so that the sealed text's length never varies.
std::string owner_prefix(std::int64_t user_id) {
  auto s = std::to_string(user_id);
  return std::string(20 - std::min<std::size_t>(20, s.size()), '0') + s + '\n';
}

}  // namespace

std::string new_sealed_key(const web::App& app, std::int64_t proposal_id) {
  auto raw = crypto::from_base64url(crypto::random_token(32));
  return crypto::seal(seal_key(app, proposal_id), crypto::to_hex(*raw));
}

std::optional<crypto::Key> ballot_key(const web::App& app, store::Conn& c, std::int64_t proposal_id) {
  auto sealed = repo::ballot_key(c, proposal_id);
  if (!sealed) return std::nullopt;
  auto hex = crypto::open(seal_key(app, proposal_id), *sealed);
  if (!hex) return std::nullopt;
  auto raw = crypto::from_hex(*hex);
  if (!raw || raw->size() != crypto::Key{}.size()) return std::nullopt;
  crypto::Key k{};
  std::copy(raw->begin(), raw->end(), k.begin());
  return k;
}

std::string pseudonym(const crypto::Key& ballot_key, std::int64_t user_id) {
  return crypto::to_hex(crypto::hmac_sha256(ballot_key, "voter:" + std::to_string(user_id)));
}

std::string seal_ballot(const crypto::Key& ballot_key, std::int64_t user_id, const StoredBallot& b) {
  return crypto::seal(ballot_key, owner_prefix(user_id) + pack(b));
}

std::optional<StoredBallot> open_ballot(const crypto::Key& ballot_key, std::int64_t user_id, std::string_view sealed) {
  auto plain = crypto::open(ballot_key, sealed);
  auto prefix = owner_prefix(user_id);
  if (!plain || !std::string_view(*plain).starts_with(prefix)) return std::nullopt;
  return unpack(std::string_view(*plain).substr(prefix.size()));
}

}  // namespace hs::decisions::commands::anonymity
