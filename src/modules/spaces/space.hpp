#pragma once
// A space as it is kept (offered by spaces/module.hpp; its own header so the module's
// repo can use it without including the front door that re-exports the repo's users).
#include <cstdint>
#include <string>

namespace hs::spaces {

// kind: practice|forum|network; visibility: listed|unlisted|private.
struct Space {
  std::int64_t id = 0;
  std::string slug, name, kind, purpose, visibility, code_of_conduct;
};

}  // namespace hs::spaces
