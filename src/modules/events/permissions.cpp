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

}  // namespace hs::events
