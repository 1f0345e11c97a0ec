#pragma once
// Email addresses as people type them: one normal form for lookups, and a loose check
// that catches typing slips without rejecting real addresses.
#include <string>
#include <string_view>

namespace hs::accounts::rules {

// Lower case (ASCII) with surrounding white space removed: the form we hash for lookups.
std::string normalise_email(std::string_view typed);
// Something@domain.tld, at most 254 characters, no spaces or control characters.
bool email_looks_valid(std::string_view normalised);

}  // namespace hs::accounts::rules
