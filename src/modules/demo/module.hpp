#pragma once
#include <string>

#include "core/error.hpp"

namespace hs::web {
class App;
}  // namespace hs::web

namespace hs::demo {

// Seeds the demo community once (invented people and places). Returns what to print:
// how to sign in as each role. When already seeded, returns the same text again.
Result<std::string> seed(web::App& app);

}  // namespace hs::demo
