#pragma once
// What the actions commands share.
#include <cstdint>

#include "modules/actions/permissions.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::actions::commands {

// The person as the space sees them now (role, visibility, their organisation).
permissions::Actor actor_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id);

}  // namespace hs::actions::commands
