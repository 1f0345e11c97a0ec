#pragma once
// Who may do what with paid involvement: deny-by-default pure predicates over the spaces
// module's view of the person. Roles are functions: a treasurer is also a member, and may
// claim like anyone else, but someone else must decide their claims.
#include "modules/spaces/module.hpp"

namespace hs::involvement::permissions {

// The space's involvement pages (opportunities, the rate card, one's own claims): its
// members in any role (not partners, whom their own organisation pays, nor the public).
bool view(const spaces::Subject& s);
// Say one is interested, claim for one's own time and expenses, choose how one is paid:
// members in any role.
bool take_part(const spaces::Subject& s);
// Add to the rate card and set how long bank details are kept: stewards and treasurers.
bool manage_rates(const spaces::Subject& s);
// Offer opportunities, choose who takes part (with a reason) and confirm who took part:
// facilitators and stewards.
bool run_opportunities(const spaces::Subject& s);
// Decide claims (never their own: rules/claim.hpp), see every claim, its receipts and the
// claimant's bank details, make batches and mark them paid: treasurers only.
bool treasure(const spaces::Subject& s);

}  // namespace hs::involvement::permissions
