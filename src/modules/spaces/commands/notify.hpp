#pragma once
// Live updates, sent after a transaction commits (email: accounts/module.hpp).
#include <cstdint>

#include "services/fwd.hpp"

namespace hs::spaces::commands {

// Tells live subscribers of the space that its member directory changed.
void publish_directory_changed(Services& app, std::int64_t space_id);

}  // namespace hs::spaces::commands
