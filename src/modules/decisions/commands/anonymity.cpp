#include "modules/decisions/commands/anonymity.hpp"

#include <algorithm>
#include <cctype>

#include "modules/decisions/repo.hpp"
#include "services/services.hpp"

namespace hs::decisions::commands::anonymity {

namespace {

constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // 32: no 0/O, 1/I
constexpr std::size_t kCodeLength = 20;

crypto::Key seal_key(const Services& app, std::int64_t proposal_id) {
  return crypto::derive(app.master_key, static_cast<std::uint64_t>(proposal_id), "decballt");
}

// The user id in a fixed width, so that the sealed text's length never varies.
std::string owner_prefix(std::int64_t user_id) {
  auto s = std::to_string(user_id);
  return std::string(20 - std::min<std::size_t>(20, s.size()), '0') + s + '\n';
}

std::string cookie_mac(const Services& app, std::int64_t user_id, std::int64_t proposal_id, std::string_view code) {
  auto k = crypto::derive(app.master_key, static_cast<std::uint64_t>(user_id), "ballotck");
  return crypto::to_hex(crypto::hmac_sha256(k, std::to_string(proposal_id) + ":" + std::string(code))).substr(0, 32);
}

}  // namespace

std::string new_sealed_key(const Services& app, std::int64_t proposal_id) {
  auto raw = crypto::from_base64url(crypto::random_token(32));
  return crypto::seal(seal_key(app, proposal_id), crypto::to_hex(*raw));
}

std::optional<crypto::Key> ballot_key(const Services& app, store::Conn& c, std::int64_t proposal_id) {
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

std::string new_code() { return crypto::random_from(kAlphabet, kCodeLength); }

std::optional<std::string> normalise_code(std::string_view typed) {
  std::string code;
  for (char ch : typed) {
    if (ch == ' ' || ch == '-' || ch == '\t') continue;
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (kAlphabet.find(up) == std::string_view::npos) return std::nullopt;
    code.push_back(up);
    if (code.size() > kCodeLength) return std::nullopt;
  }
  if (code.size() != kCodeLength) return std::nullopt;
  return code;
}

std::string display_code(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(code[i]);
  }
  return out;
}

std::string pseudonym(std::int64_t proposal_id, std::string_view code) {
  return crypto::sha256_hex("humanspace anonymous answer\n" + std::to_string(proposal_id) + "\n" + std::string(code));
}

std::string closing_pseudonym(const crypto::Key& salt, std::string_view open_pseudonym) {
  return crypto::to_hex(crypto::hmac_sha256(salt, open_pseudonym));
}

std::string cookie_name(std::int64_t proposal_id) { return "ballot" + std::to_string(proposal_id); }

std::string cookie_value(const Services& app, std::int64_t user_id, std::int64_t proposal_id, std::string_view code) {
  return std::string(code) + "." + cookie_mac(app, user_id, proposal_id, code);
}

std::optional<std::string> code_from_cookie(const Services& app, std::int64_t user_id, std::int64_t proposal_id,
                                            std::string_view value) {
  auto dot = value.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto code = normalise_code(value.substr(0, dot));
  if (!code || *code != value.substr(0, dot)) return std::nullopt;
  if (!crypto::equal(value.substr(dot + 1), cookie_mac(app, user_id, proposal_id, *code))) return std::nullopt;
  return code;
}

std::string seal_ballot(const crypto::Key& ballot_key, std::string_view pseudonym, const StoredBallot& b) {
  return crypto::seal(ballot_key, std::string(pseudonym) + '\n' + pack(b));
}

std::optional<StoredBallot> open_ballot(const crypto::Key& ballot_key, std::string_view pseudonym,
                                        std::string_view sealed) {
  auto plain = crypto::open(ballot_key, sealed);
  const std::string prefix = std::string(pseudonym) + '\n';
  if (!plain || !std::string_view(*plain).starts_with(prefix)) return std::nullopt;
  return unpack(std::string_view(*plain).substr(prefix.size()));
}

std::optional<StoredBallot> open_legacy_ballot(const crypto::Key& ballot_key, std::int64_t user_id,
                                               std::string_view sealed) {
  auto plain = crypto::open(ballot_key, sealed);
  auto prefix = owner_prefix(user_id);
  if (!plain || !std::string_view(*plain).starts_with(prefix)) return std::nullopt;
  return unpack(std::string_view(*plain).substr(prefix.size()));
}

}  // namespace hs::decisions::commands::anonymity
