#pragma once
// What the involvement commands share.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "modules/audit/module.hpp"
#include "modules/involvement/commands/commands.hpp"
#include "modules/involvement/permissions.hpp"
#include "modules/involvement/repo.hpp"
#include "services/fwd.hpp"

namespace hs::involvement::commands {

spaces::Subject subject_at(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// Appends to the space's decision log: ids, counts, totals and commitments only.
Result<void> record(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                    const audit::Fields& data);
// The key that seals a space's receipts and bank details.
crypto::Key sealing_key(const Services& app, std::int64_t space_id);
// A claim's commitment for the log: a keyed hash of its id, payee, amount and state, which
// the organisation can show matches its books, and nobody else can read an amount from.
std::string claim_commitment(const Services& app, const ClaimRow& k, std::string_view state);
// A person's payee reference in a space, the same for all their claims there: "P-" and
// eight letters and digits from a keyed hash, meaning nothing without the key.
std::string payee_ref(const Services& app, std::int64_t space_id, std::int64_t user_id);

}  // namespace hs::involvement::commands
