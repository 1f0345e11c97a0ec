#include "modules/events/permissions.hpp"

namespace hs::events {

namespace {
bool runs(Standing s) { return s == Standing::facilitator || s == Standing::steward; }
}  // namespace

bool view_event(Standing s) { return s != Standing::nobody; }
bool take_part(Standing s) { return s != Standing::nobody; }
bool run_event(Standing s) { return runs(s); }
bool create_event(Standing s) { return runs(s); }
bool present(Standing s) { return runs(s); }
bool see_step_outs(Standing s) { return runs(s); }
bool see_join_code(Standing s) { return s != Standing::nobody && s != Standing::participant; }
bool register_for_event(Standing s) {
  return s == Standing::member || s == Standing::facilitator || s == Standing::steward || s == Standing::auditor;
}
bool see_registrations(Standing s) { return runs(s); }
bool see_access_needs(Standing s) { return runs(s); }
bool edit_event(Standing s) { return runs(s); }
bool edit_agenda(Standing s) { return runs(s); }

}  // namespace hs::events
