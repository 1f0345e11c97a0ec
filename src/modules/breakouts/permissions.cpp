#include "modules/breakouts/permissions.hpp"

namespace hs::breakouts::permissions {

namespace {
bool runs(Standing s) { return s == Standing::facilitator || s == Standing::steward; }
}  // namespace

bool run_rounds(Standing s) { return runs(s); }
// Auditors observe an event; they do not sit in groups.
bool take_part(Standing s) {
  return s == Standing::participant || s == Standing::member || s == Standing::facilitator || s == Standing::steward;
}
bool read_group_notes(Standing s, bool in_group) { return runs(s) || (in_group && permissions::take_part(s)); }
bool write_for_group(Standing s, bool host) { return host && permissions::take_part(s); }

}  // namespace hs::breakouts::permissions
