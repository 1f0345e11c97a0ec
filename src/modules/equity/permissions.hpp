#pragma once
// Who may see a space's equality report: deny by default. Nobody, stewards included, ever
// sees one person's answers: the report is counts with small ones suppressed.
#include "modules/spaces/module.hpp"

namespace hs::equity::permissions {

// The space's report and its CSV: its stewards and facilitators.
bool view_report(const spaces::Subject& s);
// The reference population the report compares with: stewards.
bool set_reference(const spaces::Subject& s);

}  // namespace hs::equity::permissions
