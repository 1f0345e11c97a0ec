#pragma once
// What the library's commands share.
#include <cstdint>

#include "modules/spaces/module.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::library::commands {

// Who the person is in the space now (0: signed out).
spaces::Subject subject_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id);

}  // namespace hs::library::commands
