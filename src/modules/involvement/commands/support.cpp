#include "modules/involvement/commands/support.hpp"

#include "core/dates.hpp"
#include "modules/spaces/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::involvement::commands {

spaces::Subject subject_at(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  spaces::Subject s;
  s.signed_in = user_id > 0;
  s.role = user_id > 0 ? spaces::role_in(c, space_id, user_id) : spaces::Role::none;
  if (auto space = spaces::space_by_id(c, space_id))
    s.visibility = spaces::parse_visibility(space->visibility).value_or(spaces::Visibility::private_space);
  return s;
}

spaces::Subject subject_in(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return subject_at(c, space_id, user_id); });
}

Result<void> record(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                    const audit::Fields& data) {
  if (auto ok = audit::append(app, c, space_id, kind, data); !ok) return fail(ok.error());
  return {};
}

crypto::Key sealing_key(const Services& app, std::int64_t space_id) {
  return crypto::derive(app.master_key, static_cast<std::uint64_t>(space_id), "invseal-");
}

std::string claim_commitment(const Services& app, const ClaimRow& k, std::string_view state) {
  const auto key = crypto::derive(app.master_key, static_cast<std::uint64_t>(k.space_id), "invclaim");
  const std::string fact = "claim:" + std::to_string(k.id) + ";payee:" + k.payee_ref +
                           ";pence:" + std::to_string(k.total_pence) + ";state:" + std::string(state);
  return crypto::to_hex(crypto::hmac_sha256(key, fact));
}

std::string payee_ref(const Services& app, std::int64_t space_id, std::int64_t user_id) {
  const auto key = crypto::derive(app.master_key, static_cast<std::uint64_t>(space_id), "invpayee");
  const auto mac = crypto::hmac_sha256(key, std::to_string(user_id));
  static constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // no 0/O or 1/I
  std::string out = "P-";
  for (int i = 0; i < 8; ++i) out += kAlphabet[static_cast<unsigned char>(mac[i]) % kAlphabet.size()];
  return out;
}

std::string day_of(std::int64_t unix_seconds) { return dates::format(unix_seconds, dates::Style::day); }

}  // namespace hs::involvement::commands
